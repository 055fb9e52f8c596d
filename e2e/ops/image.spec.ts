import { test, expect } from "@playwright/test";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { ROOT } from "@/lib/ops/bin-path";
import { assembleImage, mountEmptyDir } from "@/e2e/support/assemble-image";
import { readImage } from "@/test/deploy/read-image";
import { podSpecOf, renderKustomization, type Container } from "@/test/deploy/render-kustomization";
import { databaseUrlFor } from "@/test/support/test-database";
import { freePort } from "@/test/support/free-port";

// Docker cannot build or run images here, so this runs what the image runs: the Dockerfile's final stage laid
// out from this checkout's build (e2e/support/assemble-image.ts), its ENTRYPOINT and CMD as they are written,
// as its numeric USER (so the image's files are read-only to it, as in the pod), with the Dockerfile's ENV, the
// production overlay's ConfigMap and a DATABASE_URL, and writable only where the manifests mount an emptyDir.
test("[OPS] the image's web, worker, migrate and seed-demo run as its entrypoint starts them, on a real PostgreSQL", async ({
  page,
  request,
}) => {
  test.setTimeout(300_000);
  const image = readImage();
  const [uid, gid] = (image.user ?? "").split(":").map(Number) as [number, number];
  // Root can run the processes as the image's user; anyone else runs them as themselves (files then writable).
  const asUser = process.getuid?.() === 0 ? { uid, gid } : {};
  const rendered = renderKustomization({ dir: "deploy/kubernetes/overlays/production" });
  const settings = (rendered.find((o) => o.kind === "ConfigMap") as unknown as { data: Record<string, string> }).data;
  const demoSettings = (
    renderKustomization({ dir: "deploy/kubernetes/overlays/demo" }).find((o) => o.kind === "ConfigMap") as unknown as {
      data: Record<string, string>;
    }
  ).data;
  const containers = (name: string) => podSpecOf(rendered.find((o) => o.kind === "Deployment" && o.metadata.name === name)!)!.containers;
  const [web] = containers("dozen-web") as [Container];
  const [worker] = containers("dozen-worker") as [Container];

  const scratch = mkdtempSync(path.join(tmpdir(), "dozen-image-"));
  chmodSync(scratch, 0o755);
  const root = path.join(scratch, "app");
  mkdirSync(root);
  const assembled = assembleImage({ image, into: root });
  // The emptyDirs: /tmp for every process, and the web's .next/cache inside the image.
  const tmp = path.join(scratch, "tmp");
  mountEmptyDir({ dir: tmp, uid, gid });
  for (const mount of [...(web.volumeMounts ?? []), ...(worker.volumeMounts ?? [])].filter((m) => !m.readOnly && m.mountPath !== "/tmp"))
    mountEmptyDir({ dir: assembled.local(mount.mountPath), uid, gid });
  const home = path.join(scratch, "home");
  mkdirSync(home, { mode: 0o755 });

  const database = `image_${randomBytes(4).toString("hex")}`;
  await adminQuery(`create database ${database}`);
  const port = await freePort();
  const env: Record<string, string> = {
    // A container's environment, not this test's: the image's ENV, then the pod's (ConfigMap, then Secret).
    PATH: `${path.dirname(process.execPath)}:/usr/local/bin:/usr/bin:/bin`,
    HOME: home,
    // What a container runtime sets: the web must bind HOST, not the pod's name.
    HOSTNAME: "dozen-web-7d9f8c6b5-x2x9q",
    ...image.env,
    ...settings,
    DATABASE_URL: databaseUrlFor(database),
    PORT: String(port),
    HOST: "127.0.0.1",
    TMPDIR: tmp,
    DOZEN_WORKER_HEARTBEAT_FILE: path.join(tmp, path.basename(settings.DOZEN_WORKER_HEARTBEAT_FILE ?? "heartbeat")),
    // One small service of the bundled demo fleet, so its scan is quick, below the local root the demo overlay
    // allows (its image path, here where the image is laid out).
    DOZEN_DEMO_FLEET: "examples/fleet/payments-api",
    DOZEN_LOCAL_ROOTS: assembled.local(demoSettings.DOZEN_LOCAL_ROOTS!),
  };
  const entrypoint = assembled.local(image.entrypoint!.argv[0]!);
  const output: string[] = [];
  const started: ChildProcess[] = [];
  const start = (args: string[]) => {
    const child = spawn(entrypoint, args, { cwd: root, env: env as NodeJS.ProcessEnv, stdio: ["ignore", "pipe", "pipe"], ...asUser });
    for (const stream of [child.stdout, child.stderr]) stream.on("data", (d: Buffer) => output.push(`[${args[0]}] ${d.toString()}`));
    started.push(child);
    return { child, exited: new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code))) };
  };
  const url = (p: string) => `http://127.0.0.1:${port}${p}`;
  const probe = (c: Container) =>
    spawnSync(c.readinessProbe!.exec!.command[0]!, c.readinessProbe!.exec!.command.slice(1), { env: env as NodeJS.ProcessEnv, ...asUser })
      .status;

  try {
    expect(
      assembled.skipped.every((s) => s.includes("/usr/local/bin/kubectl")),
      assembled.skipped.join("\n"),
    ).toBe(true);
    // web: the image's default command. Up (liveness) at once; not ready while migrations are pending.
    const webProcess = start(image.cmd!.argv);
    await expect
      .poll(async () => (await request.get(url(web.livenessProbe!.httpGet!.path)).catch(() => null))?.status() ?? 0, { timeout: 60_000 })
      .toBe(200);
    const readiness = url(web.readinessProbe!.httpGet!.path);
    expect((await request.get(readiness)).status()).toBe(503);

    // migrate: the admin step, run once; then the web is ready.
    const migrate = start(["migrate"]);
    expect(await migrate.exited).toBe(0);
    await expect.poll(async () => (await request.get(readiness)).status(), { timeout: 15_000 }).toBe(200);
    // Ready means every migration the image ships is applied: the web reads them from its own directory.
    const latest = readdirSync(path.join(ROOT, "prisma/migrations"), { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort()
      .at(-1);
    await adminQuery(`update _prisma_migrations set rolled_back_at = now() where migration_name = '${latest}'`, database);
    const pending = await request.get(readiness);
    expect([pending.status(), ((await pending.json()) as { pending: string[] }).pending]).toEqual([503, [latest]]);
    await adminQuery(`update _prisma_migrations set rolled_back_at = null where migration_name = '${latest}'`, database);
    expect((await request.get(readiness)).status()).toBe(200);

    // worker: its probe (the command in the manifest) passes once it is ready.
    const workerProcess = start(["worker"]);
    await expect.poll(() => probe(worker), { timeout: 60_000, intervals: [500] }).toBe(0);

    // seed-demo registers the (small) demo fleet and queues its scan; the worker scans it.
    const seed = start(["seed-demo"]);
    expect(await seed.exited).toBe(0);
    await expect
      .poll(async () => (await adminQuery(`select status from "Scan" order by id desc limit 1`, database))[0]?.status, {
        timeout: 180_000,
        intervals: [1_000],
      })
      .toBe("succeeded");

    // The dashboard, with its static assets and public files, served by the standalone server.
    const failed: string[] = [];
    const assets: string[] = [];
    page.on("response", (r) => {
      if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
      if (r.url().includes("/_next/static/")) assets.push(r.url());
    });
    await page.goto(url("/"));
    await expect(page.getByRole("link", { name: "Dozen", exact: true })).toBeVisible();
    await expect(page.getByText("payments-api").first()).toBeVisible();
    expect(assets.some((a) => a.endsWith(".css"))).toBe(true);
    expect((await request.get(url("/favicon.svg"))).status()).toBe(200);
    expect(failed).toEqual([]);

    // SIGTERM, as the kubelet sends it: the worker drains and its probe fails at once; the web stops.
    workerProcess.child.kill("SIGTERM");
    expect(await workerProcess.exited).toBe(0);
    expect(existsSync(env.DOZEN_WORKER_HEARTBEAT_FILE!)).toBe(false);
    expect(probe(worker)).not.toBe(0);
    const stoppedAt = Date.now();
    webProcess.child.kill("SIGTERM");
    // The web closes its server (requests in flight finish) and the database pool, then exits 0 like the worker.
    expect(await webProcess.exited).toBe(0);
    expect(Date.now() - stoppedAt).toBeLessThan(10_000);

    // Nothing tried to write where the pod's root filesystem is read-only.
    expect(output.join("").match(/.*\b(EACCES|EROFS|EPERM)\b.*/g) ?? []).toEqual([]);
  } catch (error) {
    console.log(output.join(""));
    throw error;
  } finally {
    for (const child of started) if (child.exitCode === null) child.kill("SIGKILL");
    await adminQuery(`drop database if exists ${database} with (force)`);
    rmSync(scratch, { recursive: true, force: true });
  }
});

/** A TCP port nothing listens on now. */
/** A query as the test server's admin, on `postgres` or the named database. */
async function adminQuery(sql: string, database = "postgres"): Promise<Record<string, unknown>[]> {
  const client = new pg.Client({ connectionString: databaseUrlFor(database) });
  await client.connect();
  try {
    return (await client.query(sql)).rows as Record<string, unknown>[];
  } finally {
    await client.end();
  }
}
