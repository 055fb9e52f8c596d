import { after, before, it } from "node:test";
import assert from "node:assert/strict";
import { registerSource } from "@/lib/sources/register-source";
import { startGeneratedOrg } from "@/test/github/generated-org";
import type { StandIn } from "@/test/github/stand-in-server";
import { useTestDatabase } from "@/test/support/test-database";
import { requestScanThroughBoss, startWorker, waitForScan } from "@/test/github/worker-processes";

const REPOS = 12;
let database: Awaited<ReturnType<typeof useTestDatabase>>;
let org: Awaited<ReturnType<typeof startGeneratedOrg>>;
let standIn: StandIn;

before(async () => {
  database = await useTestDatabase();
  // Latency makes every job's requests overlap, so any excess concurrency shows up in maxInFlight.
  org = await startGeneratedOrg({ count: REPOS, latencyMs: 300 });
  standIn = org.standIn;
});
after(async () => {
  await org.close();
  await database.drop();
});

it("two workers that could run 8 repository jobs at once keep one token near 4 requests in flight", async () => {
  const source = await registerSource({
    kind: "github",
    input: { name: "acme", owner: "acme", schedule: null, config: { apiBaseUrl: standIn.baseUrl, tokenEnv: "DOZEN_TEST_GH_TOKEN" } },
  });
  const { scanId } = await requestScanThroughBoss({ databaseUrl: database.url, sourceId: source.id });
  const workers = ["worker-1", "worker-2"].map((name) => startWorker({ databaseUrl: database.url, name, concurrency: 4 }));
  try {
    const scan = await waitForScan({ scanId });
    assert.equal(scan.status, "succeeded", JSON.stringify(scan));
  } finally {
    for (const w of workers) w.stop("SIGTERM");
    await Promise.all(workers.map((w) => w.exited));
  }
  // pg-boss counts a group's active jobs when a worker fetches; two workers fetching in the same instant
  // may both see a free slot, so the cap can be passed by one per extra worker, never doubled.
  assert.ok(standIn.stats.maxInFlight <= 5, `max in flight ${standIn.stats.maxInFlight}`);
});
