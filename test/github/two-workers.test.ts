import { after, before, it } from "node:test";
import assert from "node:assert/strict";
import { db } from "@/lib/db";
import { registerSource } from "@/lib/sources/register-source";
import { startGeneratedOrg } from "@/test/github/generated-org";
import type { StandIn } from "@/test/github/stand-in-server";
import { requestScanThroughBoss, startWorker, waitForScan } from "@/test/github/worker-processes";
import { useTestDatabase } from "@/test/support/test-database";

const REPOS = 10;
let database: Awaited<ReturnType<typeof useTestDatabase>>;
let org: Awaited<ReturnType<typeof startGeneratedOrg>>;
let standIn: StandIn;

before(async () => {
  database = await useTestDatabase();
  // Latency keeps the scan running long enough to stop a worker in the middle of it.
  org = await startGeneratedOrg({ count: REPOS, latencyMs: 150 });
  standIn = org.standIn;
});
after(async () => {
  await org.close();
  await database.drop();
});

it("two worker processes share one GitHub scan; one stopped with SIGTERM mid-scan loses nothing", async () => {
  const source = await registerSource({
    kind: "github",
    input: { name: "acme", owner: "acme", schedule: null, config: { apiBaseUrl: standIn.baseUrl, tokenEnv: "DOZEN_TEST_GH_TOKEN" } },
  });
  const { scanId } = await requestScanThroughBoss({ databaseUrl: database.url, sourceId: source.id });
  const start = (name: string) => startWorker({ databaseUrl: database.url, name, concurrency: 2 });
  const [first, second] = [start("worker-1"), start("worker-2")];
  try {
    for (let done = 0; done < 3;) {
      await new Promise((r) => setTimeout(r, 200));
      done = (await db().scan.findUniqueOrThrow({ where: { id: scanId }, select: { targetsDone: true } })).targetsDone;
    }
    first.stop("SIGTERM");
    assert.equal(await first.exited, 0, "the stopped worker exits cleanly");
    const scan = await waitForScan({ scanId, timeoutMs: 90_000 });
    const failed = await db().scanTarget.findMany({ where: { scanId, status: "failed" }, select: { targetKey: true, error: true } });
    assert.equal(scan.status, "succeeded", JSON.stringify({ scan, failed }));
    assert.deepEqual([scan.targetsDone, scan.targetsTotal], [REPOS, REPOS]);
  } finally {
    first.stop("SIGTERM");
    second.stop("SIGTERM");
    await Promise.all([first.exited, second.exited]);
  }
  const targets = await db().scanTarget.findMany({ where: { scanId }, select: { targetKey: true, status: true } });
  assert.equal(new Set(targets.map((t) => t.targetKey)).size, REPOS, "each repository written exactly once");
  assert.ok(targets.every((t) => t.status === "succeeded"));
  assert.ok(standIn.stats.counted <= REPOS * 3, `counted ${standIn.stats.counted}`);
});
