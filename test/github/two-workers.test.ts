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

const REPOS = 10;
let database: Awaited<ReturnType<typeof useTestDatabase>>;
let standIn: StandIn;
let repos: Awaited<ReturnType<typeof makeRepoRoot>>;

before(async () => {
  database = await useTestDatabase();
  repos = await makeRepoRoot();
  // Latency keeps the scan running long enough to stop a worker in the middle of it.
  standIn = await startStandIn({ latencyMs: 150 });
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

it("two worker processes share one GitHub scan; one stopped with SIGTERM mid-scan loses nothing", async () => {
  const source = await registerGitHubSource({ input: { name: "acme", owner: "acme", schedule: null, config: { apiBaseUrl: standIn.baseUrl, tokenEnv: "DOZEN_TEST_GH_TOKEN" } } });
  const sender = createBoss({ role: "web", url: database.url });
  await sender.start();
  const { scanId } = await requestScan({ boss: sender, sourceId: source.id, trigger: "manual" });
  await sender.stop({ graceful: false, close: true });
  const start = (name: string) => runChild({
    name, command: process.execPath, args: tsxArgs("workers/main.ts"), cwd: ROOT, log: pino({ level: "silent" }),
    env: childEnv({ DATABASE_URL: database.url, LOG_LEVEL: "warn", DOZEN_WORKER_CONCURRENCY: "2", DOZEN_TEST_GH_TOKEN: "test-token" }),
  });
  const [first, second] = [start("worker-1"), start("worker-2")];
  try {
    for (let done = 0; done < 3; ) {
      await new Promise((r) => setTimeout(r, 200));
      done = (await db().scan.findUniqueOrThrow({ where: { id: scanId }, select: { targetsDone: true } })).targetsDone;
    }
    first.stop("SIGTERM");
    assert.equal(await first.exited, 0, "the stopped worker exits cleanly");
    const deadline = Date.now() + 90_000;
    let scan;
    do {
      await new Promise((r) => setTimeout(r, 300));
      scan = await db().scan.findUniqueOrThrow({ where: { id: scanId }, select: { status: true, targetsDone: true, targetsTotal: true, error: true } });
    } while (["queued", "running"].includes(scan.status) && Date.now() < deadline);
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
