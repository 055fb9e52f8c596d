import { after, before, it } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { db } from "@/lib/db";
import { registerSource } from "@/lib/sources/register-source";
import { commitFiles, type BareRepo } from "@/test/github/git-fixtures";
import { startGeneratedOrg } from "@/test/github/generated-org";
import type { StandIn } from "@/test/github/stand-in-server";
import { requestScanThroughBoss, startWorker, waitForScan } from "@/test/github/worker-processes";
import { useTestDatabase } from "@/test/support/test-database";

// A repository whose archive never finishes arriving holds its collection past the bound; the others do not.
const TIMEOUT_MS = 15_000;
let database: Awaited<ReturnType<typeof useTestDatabase>>;
let org: Awaited<ReturnType<typeof startGeneratedOrg>>;
let standIn: StandIn;
let bare: Map<string, BareRepo>;

before(async () => {
  database = await useTestDatabase();
  org = await startGeneratedOrg({ names: ["api", "web", "stuck"] });
  ({ standIn, bare } = org);
});
after(async () => {
  await org.close();
  await database.drop();
});

const serviceOf = (sourceId: number, name: string) =>
  db().service.findFirstOrThrow({ where: { sourceId, path: `acme/${name}` }, select: { latestScore: true, latestTargetId: true } });

it("[FAULTS] a repository past DOZEN_TARGET_TIMEOUT_MS fails once with that reason; the others and earlier scores stand", async () => {
  const worker = startWorker({
    databaseUrl: database.url,
    name: "worker",
    concurrency: 2,
    env: { DOZEN_TARGET_TIMEOUT_MS: String(TIMEOUT_MS) },
  });
  try {
    const { id: sourceId } = await registerSource({
      kind: "github",
      input: { name: "acme", owner: "acme", schedule: null, config: { apiBaseUrl: standIn.baseUrl, tokenEnv: "DOZEN_TEST_GH_TOKEN" } },
    });
    const scan = async () => waitForScan({ scanId: (await requestScanThroughBoss({ databaseUrl: database.url, sourceId })).scanId });
    assert.equal((await scan()).status, "succeeded");
    const before = await serviceOf(sourceId, "stuck");
    // Every repository changes, so each is downloaded again; only stuck's archive stalls after its headers.
    for (const name of ["api", "web", "stuck"]) await commitFiles({ repo: bare.get(name)!, files: { "CHANGELOG.md": "next\n" } });
    standIn.inject({ path: /^\/_codeload\/acme\/stuck\//, status: "stall", times: 10 });
    standIn.resetStats();
    const started = Date.now();
    const second = await scan();
    const elapsedMs = Date.now() - started;

    assert.equal(second.status, "partial", JSON.stringify(second));
    assert.deepEqual([second.targetsDone, second.targetsTotal, second.targetsFailed], [3, 3, 1]);
    const targets = await db().scanTarget.findMany({
      where: { scanId: second.id },
      select: { targetKey: true, status: true, error: true },
    });
    assert.deepEqual(targets.map((t) => [t.targetKey, t.status, t.error]).sort(), [
      ["acme/api", "succeeded", null],
      ["acme/stuck", "failed", `acme/stuck: collection took longer than ${TIMEOUT_MS} ms (DOZEN_TARGET_TIMEOUT_MS)`],
      ["acme/web", "succeeded", null],
    ]);
    // Final, not retried: one download of the stuck archive, and the scan closed soon after the bound.
    assert.equal(standIn.stats.log.filter((r) => r.path.startsWith("/repos/acme/stuck/tarball/")).length, 1);
    assert.ok(elapsedMs < TIMEOUT_MS + 60_000, `${elapsedMs} ms`);
    assert.deepEqual(await serviceOf(sourceId, "stuck"), before, "the stuck repository's service keeps its previous score");
    assert.equal(worker.child.exitCode, null, "the worker is still running");
  } finally {
    worker.stop("SIGTERM");
    await worker.exited;
  }
});

it("[FAULTS] a local source past DOZEN_TARGET_MEMORY_MB fails with that reason; the worker lives on", async () => {
  const dir = await mkdtemp(path.join(tmpdir(), "dozen-bounds-"));
  await writeFile(path.join(dir, "package.json"), JSON.stringify({ name: "svc", scripts: { start: "node index.js" } }));
  await writeFile(path.join(dir, "index.js"), "require('http').createServer().listen(process.env.PORT);\n");
  // Less than node itself needs: the collecting child is over its memory bound at its first reading.
  const worker = startWorker({ databaseUrl: database.url, name: "worker", concurrency: 1, env: { DOZEN_TARGET_MEMORY_MB: "64" } });
  try {
    const { id: sourceId } = await registerSource({ kind: "local", input: { name: "svc", directory: dir, schedule: null } });
    const { scanId } = await requestScanThroughBoss({ databaseUrl: database.url, sourceId });
    const scan = await waitForScan({ scanId, timeoutMs: 60_000 });
    assert.equal(scan.status, "failed");
    assert.equal(scan.error, "scan failed: collection used more than 64 MB of memory (DOZEN_TARGET_MEMORY_MB)");
    assert.equal(worker.child.exitCode, null, "the worker is still running");
  } finally {
    worker.stop("SIGTERM");
    await worker.exited;
    await rm(dir, { recursive: true, force: true });
  }
});
