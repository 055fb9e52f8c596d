import { after, before, it } from "node:test";
import assert from "node:assert/strict";
import pino from "pino";
import { db } from "@/lib/db";
import { childEnv } from "@/lib/env";
import { createBoss } from "@/lib/jobs/create-boss";
import { ROOT, tsxArgs } from "@/lib/process/bin-path";
import { runChild } from "@/lib/process/run-child";
import { requestScan } from "@/lib/scans/request-scan";
import { registerGitHubSource } from "@/lib/sources/register-github-source";
import { createBareRepo, generatedService, makeRepoRoot } from "@/test/github/git-fixtures";
import { startStandIn, type StandIn } from "@/test/github/stand-in-server";
import { useTestDatabase } from "@/test/support/test-database";

const REPOS = 12;
let database: Awaited<ReturnType<typeof useTestDatabase>>;
let standIn: StandIn;
let repos: Awaited<ReturnType<typeof makeRepoRoot>>;

before(async () => {
  database = await useTestDatabase();
  repos = await makeRepoRoot();
  // Latency makes every job's requests overlap, so any excess concurrency shows up in maxInFlight.
  standIn = await startStandIn({ latencyMs: 300 });
  for (let i = 0; i < REPOS; i++) {
    const name = `svc-${String(i).padStart(2, "0")}`;
    standIn.addRepo({ owner: "acme", name, bare: await createBareRepo({ root: repos.root, name, files: generatedService({ name }) }) });
  }
});
after(async () => {
  await standIn.close();
  await repos.remove();
  await database.drop();
});

it("two workers that could run 8 repository jobs at once keep one token near 4 requests in flight", async () => {
  const source = await registerGitHubSource({ input: { name: "acme", owner: "acme", schedule: null, config: { apiBaseUrl: standIn.baseUrl, tokenEnv: "DOZEN_TEST_GH_TOKEN" } } });
  const sender = createBoss({ role: "web", url: database.url });
  await sender.start();
  const { scanId } = await requestScan({ boss: sender, sourceId: source.id, trigger: "manual" });
  await sender.stop({ graceful: false, close: true });
  const start = (name: string) => runChild({
    name, command: process.execPath, args: tsxArgs("workers/main.ts"), cwd: ROOT, log: pino({ level: "silent" }),
    env: childEnv({ DATABASE_URL: database.url, LOG_LEVEL: "warn", DOZEN_WORKER_CONCURRENCY: "4", DOZEN_TEST_GH_TOKEN: "test-token" }),
  });
  const workers = [start("worker-1"), start("worker-2")];
  try {
    const deadline = Date.now() + 120_000;
    let scan;
    do {
      await new Promise((r) => setTimeout(r, 300));
      scan = await db().scan.findUniqueOrThrow({ where: { id: scanId }, select: { status: true, targetsDone: true, error: true } });
    } while (["queued", "running"].includes(scan.status) && Date.now() < deadline);
    assert.equal(scan.status, "succeeded", JSON.stringify(scan));
  } finally {
    for (const w of workers) w.stop("SIGTERM");
    await Promise.all(workers.map((w) => w.exited));
  }
  // pg-boss counts a group's active jobs when a worker fetches; two workers fetching in the same instant
  // may both see a free slot, so the cap can be passed by one per extra worker, never doubled.
  assert.ok(standIn.stats.maxInFlight <= 5, `max in flight ${standIn.stats.maxInFlight}`);
});
