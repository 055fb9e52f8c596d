import { test, expect, type APIRequestContext } from "@playwright/test";
import { spawn } from "node:child_process";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { childEnv } from "@/lib/env";
import { ROOT, tsxArgs } from "@/lib/ops/bin-path";
import { startEmbeddedPostgres, type EmbeddedPostgresHandle } from "@/lib/ops/start-embedded-postgres";
import { freePort } from "@/test/support/free-port";

// Issue #17 item 5: PostgreSQL stopped and started again under a running Dozen (web and worker as `npm start`
// runs them, supervisor included). A real PostgreSQL of its own on a free port, so stopping it touches no one
// else's; the shared e2e server on 3123 is not used.

/** Rows that must never shrink across the outage. */
async function counts(url: string): Promise<{ scans: number; findings: number; services: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ scans: number; findings: number; services: number }>(
      `select (select count(*)::int from "Scan") as scans, (select count(*)::int from "Finding") as findings,
              (select count(*)::int from "Service") as services`,
    );
    return rows[0]!;
  } finally {
    await client.end();
  }
}

async function scans(request: APIRequestContext, base: string): Promise<{ id: number; status: string }[]> {
  const res = await request.get(`${base}/api/v1/scans`);
  expect(res.status()).toBe(200);
  return ((await res.json()) as { items: { id: number; status: string }[] }).items;
}

async function status(request: APIRequestContext, url: string): Promise<number> {
  return (await request.get(url, { timeout: 10_000 }).catch(() => null))?.status() ?? 0;
}

test("[OPS] PostgreSQL stopped and restarted under web and worker: 503 then 200, error page, no scan stuck, nothing lost", async ({
  page,
  request,
}) => {
  // Start-up (migrations, the demo fleet, next start) is most of it; the outage itself takes well under a minute.
  test.setTimeout(300_000);
  const dataDir = await mkdtemp(path.join(tmpdir(), "dozen-pg-restart-"));
  // mkdtemp makes a 0700 directory; the postgres user PostgreSQL runs as (we are root) must enter it.
  await chmod(dataDir, 0o755);
  const pgPort = await freePort();
  const webPort = await freePort();
  const base = `http://127.0.0.1:${webPort}`;
  const startDb = () => startEmbeddedPostgres({ dataDir: path.join(dataDir, "pg"), port: pgPort });
  let database: EmbeddedPostgresHandle | undefined = await startDb();
  const url = database.url;
  const app = spawn(process.execPath, tsxArgs("scripts/start.ts"), {
    cwd: ROOT,
    env: childEnv({
      DATABASE_URL: url,
      PORT: String(webPort),
      DOZEN_DATA_DIR: dataDir,
      // One service: a scan of seconds, so the outage meets it and the test does not wait on a fleet.
      DOZEN_DEMO_FLEET: "examples/fleet/payments-api",
      DOZEN_LOCAL_ROOTS: path.join(ROOT, "examples"),
      DOZEN_JOB_HEARTBEAT_SECONDS: "10",
      LOG_LEVEL: "info",
    }),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const keep = (d: Buffer) => (output = (output + d.toString()).slice(-200_000));
  app.stdout.on("data", keep);
  app.stderr.on("data", keep);
  const exited = new Promise<number | null>((resolve) => app.on("exit", (code) => resolve(code)));
  try {
    await expect.poll(() => status(request, `${base}/api/readyz`), { timeout: 150_000, intervals: [500] }).toBe(200);
    // The demo fleet's first scan: the data the outage must not lose.
    await expect
      .poll(async () => (await scans(request, base)).map((s) => s.status), { timeout: 60_000, intervals: [500] })
      .toEqual(["succeeded"]);
    const sources = ((await (await request.get(`${base}/api/v1/sources`)).json()) as { items: { id: number }[] }).items;
    const sourceId = sources[0]!.id;
    const before = await counts(url);
    expect(before.findings).toBeGreaterThan(0);

    // A scan requested just before the outage, so the worker meets it holding or queueing work.
    const requested = await request.post(`${base}/api/v1/scans`, { data: { sourceId }, headers: { origin: base } });
    expect([200, 202]).toContain(requested.status());
    const stoppedAt = Date.now();
    await database.stop();
    database = undefined;

    // Not ready, but alive: an orchestrator stops sending traffic, it does not restart the web.
    await expect.poll(() => status(request, `${base}/api/readyz`), { timeout: 20_000, intervals: [500] }).toBe(503);
    const notReadyMs = Date.now() - stoppedAt;
    expect(await status(request, `${base}/api/healthz`)).toBe(200);
    // A page says what failed and offers a retry: no hang, no stack trace.
    await page.goto(`${base}/`, { timeout: 30_000 });
    await expect(page.getByRole("alert").filter({ hasText: "Could not load" })).toBeVisible();
    await expect(page.getByRole("link", { name: "/api/readyz" })).toBeVisible();
    expect(await page.content()).not.toMatch(/ECONNREFUSED|at [\w.]+ \(|node_modules/);

    database = await startDb();
    const restartedAt = Date.now();
    await expect.poll(() => status(request, `${base}/api/readyz`), { timeout: 30_000, intervals: [500] }).toBe(200);
    const readyMs = Date.now() - restartedAt;
    await page.goto(`${base}/`);
    await expect(page.getByText("Could not load")).toHaveCount(0);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    // A scan asked for after the outage, and the one asked for before it, end: none stays queued or running.
    const after = await request.post(`${base}/api/v1/scans`, { data: { sourceId }, headers: { origin: base } });
    expect([200, 202]).toContain(after.status());
    await expect
      .poll(async () => (await scans(request, base)).filter((s) => s.status === "queued" || s.status === "running").length, {
        timeout: 60_000,
        intervals: [1_000],
      })
      .toBe(0);
    const closed = await scans(request, base);
    expect(closed.length).toBeGreaterThanOrEqual(2);
    expect(closed[0]!.status).toBe("succeeded");
    const now = await counts(url);
    expect(now.scans).toBeGreaterThanOrEqual(before.scans);
    expect(now.findings).toBeGreaterThanOrEqual(before.findings);
    expect(now.services).toBeGreaterThanOrEqual(before.services);
    // Everything is still up: the supervisor did not stop the dashboard over a database outage.
    expect(app.exitCode).toBeNull();
    const workerRestarts = output.split('"msg":"worker exited; restarting it"').length - 1;
    console.log(
      `PostgreSQL outage: readyz 503 ${notReadyMs} ms after the stop, 200 ${readyMs} ms after the restart; scans closed ` +
        `${Date.now() - restartedAt} ms after it; worker restarts ${workerRestarts}; scans ${before.scans}→${now.scans}, ` +
        `findings ${before.findings}→${now.findings}`,
    );
  } catch (error) {
    console.log(output.slice(-30_000));
    throw error;
  } finally {
    app.kill("SIGTERM");
    await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
    app.kill("SIGKILL");
    await database?.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
});
