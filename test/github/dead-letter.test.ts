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
import { commitFiles, createBareRepo, generatedService, makeRepoRoot, type BareRepo } from "@/test/github/git-fixtures";
import { startStandIn, type StandIn } from "@/test/github/stand-in-server";
import { useTestDatabase } from "@/test/support/test-database";

const NAMES = ["good", "broken"];
let database: Awaited<ReturnType<typeof useTestDatabase>>;
let standIn: StandIn;
let repos: Awaited<ReturnType<typeof makeRepoRoot>>;
const bare = new Map<string, BareRepo>();
let worker: ReturnType<typeof runChild>;
let sourceId: number;

before(async () => {
  database = await useTestDatabase();
  repos = await makeRepoRoot();
  standIn = await startStandIn();
  for (const name of NAMES) {
    bare.set(name, await createBareRepo({ root: repos.root, name, files: generatedService({ name }) }));
    standIn.addRepo({ owner: "acme", name, bare: bare.get(name)! });
  }
  sourceId = (await registerGitHubSource({ input: { name: "acme", owner: "acme", schedule: null, config: { apiBaseUrl: standIn.baseUrl, tokenEnv: "DOZEN_TEST_GH_TOKEN" } } })).id;
  worker = runChild({
    name: "worker", command: process.execPath, args: tsxArgs("workers/main.ts"), cwd: ROOT, log: pino({ level: "silent" }),
    env: childEnv({ DATABASE_URL: database.url, LOG_LEVEL: "warn", DOZEN_WORKER_CONCURRENCY: "2", DOZEN_TEST_GH_TOKEN: "test-token" }),
  });
});
after(async () => {
  worker.stop("SIGTERM");
  await worker.exited;
  await standIn.close();
  await repos.remove();
  await database.drop();
});

/** Asks for a scan through pg-boss, as the API does, and waits for the worker to close it. */
async function scanThroughWorker() {
  const sender = createBoss({ role: "web", url: database.url });
  await sender.start();
  const { scanId, alreadyRunning } = await requestScan({ boss: sender, sourceId, trigger: "manual" });
  await sender.stop({ graceful: false, close: true });
  assert.equal(alreadyRunning, false, "no earlier scan is left running");
  const deadline = Date.now() + 120_000;
  for (;;) {
    const scan = await db().scan.findUniqueOrThrow({ where: { id: scanId }, select: { id: true, status: true, error: true, targetsDone: true, targetsTotal: true, targetsFailed: true, finishedAt: true } });
    if (!["queued", "running"].includes(scan.status)) return scan;
    assert.ok(Date.now() < deadline, `scan still ${scan.status} after 2 minutes: ${JSON.stringify(scan)}`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

const always500 = (name: string) => standIn.inject({ path: new RegExp(`/repos/acme/${name}/tarball/`), status: 500, times: 1000 });
const serviceOf = (name: string) => db().service.findFirstOrThrow({ where: { sourceId, path: `acme/${name}` }, select: { latestScore: true, latestTargetId: true } });

it("a repository whose jobs exhaust their retries is recorded failed and the scan closes partial, scores kept", async () => {
  const first = await scanThroughWorker();
  assert.equal(first.status, "succeeded", first.error ?? "");
  const before = await serviceOf("broken");
  await commitFiles({ repo: bare.get("broken")!, files: { "index.js": "require('http').createServer().listen(9000);\n" } });
  always500("broken");
  standIn.resetStats();
  const scan = await scanThroughWorker();
  assert.equal(scan.status, "partial", JSON.stringify(scan));
  assert.deepEqual([scan.targetsDone, scan.targetsTotal, scan.targetsFailed], [2, 2, 1]);
  // pg-boss retried the job (3 retries after the first attempt), each attempt retried by Octokit too.
  const tries = standIn.stats.log.filter((r) => r.path.startsWith("/repos/acme/broken/tarball/")).length;
  assert.ok(tries >= 8, `tarball tried ${tries} times`);
  const repo = await db().repository.findFirstOrThrow({ where: { sourceId, fullName: "acme/broken" } });
  assert.equal(repo.status, "failed");
  assert.match(repo.lastError ?? "", /failed on every retry: GitHub answered 500/);
  assert.equal(repo.failures, 1);
  const target = await db().scanTarget.findFirstOrThrow({ where: { scanId: scan.id, targetKey: "acme/broken" }, select: { status: true, error: true } });
  assert.equal(target.status, "failed");
  assert.deepEqual(await serviceOf("broken"), before, "the failed repository's service keeps its previous score");
});

it("when every repository job fails for good the scan is failed, not left running", async () => {
  await commitFiles({ repo: bare.get("good")!, files: { "CHANGELOG.md": "change\n" } });
  always500("good");
  const scan = await scanThroughWorker();
  assert.equal(scan.status, "failed", JSON.stringify(scan));
  assert.equal(scan.error, "every target failed");
  assert.ok(scan.finishedAt);
});
