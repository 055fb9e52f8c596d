import { after, before, it } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { db } from "@/lib/db";
import { ROOT } from "@/lib/ops/bin-path";
import { registerSource } from "@/lib/sources/register-source";
import { startGeneratedOrg } from "@/test/github/generated-org";
import { requestScanThroughBoss, startWorker, waitForScan } from "@/test/github/worker-processes";
import { useTestDatabase } from "@/test/support/test-database";

// Short heartbeats so the test waits seconds, not the default half minute (the mechanism is the same).
const HEARTBEAT_SECONDS = 10;
const WORKER_ENV = { DOZEN_JOB_HEARTBEAT_SECONDS: String(HEARTBEAT_SECONDS) };
// The promise: a killed worker's scan is retried within 2 minutes (job expiry would take 15 or more).
// A heartbeat gone stale, the supervisor's next pass and the retry's back-off take ≈35 s of it here; the rest
// is a loaded CI machine's slack.
const RETRY_WITHIN_MS = 120_000;
const REPOS = 8;
const seconds = (ms: number) => (ms / 1000).toFixed(1);
let database: Awaited<ReturnType<typeof useTestDatabase>>;
let org: Awaited<ReturnType<typeof startGeneratedOrg>>;

before(async () => {
  database = await useTestDatabase();
  // Latency keeps the scan running long enough to kill its worker in the middle of it.
  org = await startGeneratedOrg({ count: REPOS, latencyMs: 300 });
});
after(async () => {
  await org.close();
  await database.drop();
});

const start = (name: string) => startWorker({ databaseUrl: database.url, name, concurrency: 2, env: WORKER_ENV });

/** Findings per target of a scan, by target key: what a duplicate would double. */
async function findingsByTarget(scanId: number): Promise<Record<string, number>> {
  const targets = await db().scanTarget.findMany({
    where: { scanId },
    select: { targetKey: true, _count: { select: { findings: true } } },
  });
  return Object.fromEntries(targets.map((t) => [t.targetKey, t._count.findings]));
}

/** When a job was first picked up again after `after` as a retry (pg-boss's own record of it); fails past `timeoutMs`. */
async function waitForRetry(opts: { after: Date; timeoutMs: number }): Promise<Date> {
  const deadline = Date.now() + opts.timeoutMs;
  while (Date.now() < deadline) {
    const [row] = await db().$queryRaw<{ at: Date | null }[]>`
      SELECT min(started_on) AS at FROM pgboss.job WHERE retry_count > 0 AND started_on > ${opts.after}`;
    if (row?.at) return row.at;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no job was retried within ${opts.timeoutMs} ms of the kill`);
}

/** True while a scan job (source or repository) is active: the worker holds it, so a kill leaves it to retry. */
async function scanJobActive(): Promise<boolean> {
  const [row] = await db().$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM pgboss.job WHERE state = 'active' AND name IN ('scan-source', 'scan-repository')`;
  return (row?.n ?? 0) > 0;
}

/** Kills a worker (SIGKILL: no shutdown, no release) once `ready` holds, then lets a second one finish the scan. */
async function killMidScan(opts: { scanId: number; ready: () => Promise<boolean> }) {
  const first = start("worker-killed");
  let second: ReturnType<typeof start> | undefined;
  try {
    // Killed while it holds a job: between two jobs there would be nothing to retry, only queued work.
    const readyBy = Date.now() + 120_000;
    while (!((await opts.ready()) && (await scanJobActive()))) {
      if (Date.now() > readyBy) throw new Error("the scan never reached the point to kill its worker");
      await new Promise((r) => setTimeout(r, 100));
    }
    first.stop("SIGKILL");
    const killedAt = Date.now();
    assert.equal(await first.exited, 128 + 9);
    const atKill = await db().scan.findUniqueOrThrow({ where: { id: opts.scanId }, select: { status: true } });
    assert.equal(atKill.status, "running", "the worker died in the middle of the scan");
    second = start("worker-survivor");
    const retried = waitForRetry({ after: new Date(killedAt), timeoutMs: 180_000 });
    const scan = await waitForScan({ scanId: opts.scanId, timeoutMs: 180_000 });
    return { scan, retriedMs: (await retried).getTime() - killedAt, closedMs: Date.now() - killedAt };
  } finally {
    first.stop("SIGKILL");
    second?.stop("SIGTERM");
    await Promise.all([first.exited, second?.exited]);
  }
}

it("[FAULTS] a GitHub scan whose worker is SIGKILLed mid-scan completes after the heartbeat window, no finding twice", async (t) => {
  const source = await registerSource({
    kind: "github",
    input: { name: "acme", owner: "acme", schedule: null, config: { apiBaseUrl: org.standIn.baseUrl, tokenEnv: "DOZEN_TEST_GH_TOKEN" } },
  });
  // A clean scan first: the killed one, at the same commits, must end with exactly its findings.
  const worker = start("worker-clean");
  const clean = await waitForScan({ scanId: (await requestScanThroughBoss({ databaseUrl: database.url, sourceId: source.id })).scanId });
  worker.stop("SIGTERM");
  await worker.exited;
  assert.equal(clean.status, "succeeded", JSON.stringify(clean));

  const { scanId } = await requestScanThroughBoss({ databaseUrl: database.url, sourceId: source.id });
  const { scan, retriedMs, closedMs } = await killMidScan({
    scanId,
    ready: async () => (await db().scan.findUniqueOrThrow({ where: { id: scanId }, select: { targetsDone: true } })).targetsDone >= 2,
  });
  t.diagnostic(
    `github: retried ${seconds(retriedMs)} s, scan closed ${seconds(closedMs)} s after the kill (heartbeat ${HEARTBEAT_SECONDS} s)`,
  );
  assert.equal(scan.status, "succeeded", JSON.stringify(scan));
  assert.deepEqual([scan.targetsDone, scan.targetsTotal, scan.targetsFailed], [REPOS, REPOS, 0]);
  assert.deepEqual(await findingsByTarget(scanId), await findingsByTarget(clean.id));
  // Retried within the heartbeat window (plus the supervisor's pass and the retry delay), not job expiry.
  assert.ok(retriedMs < RETRY_WITHIN_MS, `${retriedMs} ms`);
});

it("[FAULTS] a local scan whose worker is SIGKILLed mid-scan is retried and completes, no finding twice", async (t) => {
  const source = await registerSource({
    kind: "local",
    input: { name: "fleet", directory: path.join(ROOT, "examples/fleet"), schedule: null },
  });
  const { scanId } = await requestScanThroughBoss({ databaseUrl: database.url, sourceId: source.id });
  const { scan, retriedMs, closedMs } = await killMidScan({
    scanId,
    ready: async () => (await db().scan.findUniqueOrThrow({ where: { id: scanId }, select: { status: true } })).status === "running",
  });
  t.diagnostic(
    `local: retried ${seconds(retriedMs)} s, scan closed ${seconds(closedMs)} s after the kill (heartbeat ${HEARTBEAT_SECONDS} s)`,
  );
  assert.equal(scan.status, "succeeded", JSON.stringify(scan));
  const again = await requestScanThroughBoss({ databaseUrl: database.url, sourceId: source.id });
  assert.equal(again.alreadyRunning, false, "the source is free for its next scan");
  const second = start("worker-reference");
  try {
    const reference = await waitForScan({ scanId: again.scanId });
    assert.deepEqual(await findingsByTarget(scanId), await findingsByTarget(reference.id));
  } finally {
    second.stop("SIGTERM");
    await second.exited;
  }
  assert.ok(retriedMs < RETRY_WITHIN_MS, `${retriedMs} ms`);
});
