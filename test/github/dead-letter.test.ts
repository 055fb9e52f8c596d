import { after, before, it } from "node:test";
import assert from "node:assert/strict";
import { db } from "@/lib/db";
import { registerSource } from "@/lib/sources/register-source";
import { commitFiles, type BareRepo } from "@/test/github/git-fixtures";
import { startGeneratedOrg } from "@/test/github/generated-org";
import type { StandIn } from "@/test/github/stand-in-server";
import { useTestDatabase } from "@/test/support/test-database";
import { requestScanThroughBoss, startWorker, waitForScan } from "@/test/github/worker-processes";

const NAMES = ["good", "broken"];
let database: Awaited<ReturnType<typeof useTestDatabase>>;
let org: Awaited<ReturnType<typeof startGeneratedOrg>>;
let standIn: StandIn;
let bare: Map<string, BareRepo>;
let worker: ReturnType<typeof startWorker>;
let sourceId: number;

before(async () => {
  database = await useTestDatabase();
  org = await startGeneratedOrg({ names: NAMES });
  ({ standIn, bare } = org);
  sourceId = (
    await registerSource({
      kind: "github",
      input: { name: "acme", owner: "acme", schedule: null, config: { apiBaseUrl: standIn.baseUrl, tokenEnv: "DOZEN_TEST_GH_TOKEN" } },
    })
  ).id;
  worker = startWorker({ databaseUrl: database.url, name: "worker", concurrency: 2 });
});
after(async () => {
  worker.stop("SIGTERM");
  await worker.exited;
  await org.close();
  await database.drop();
});

/** Asks for a scan through pg-boss, as the API does, and waits for the worker to close it. */
async function scanThroughWorker() {
  const { scanId, alreadyRunning } = await requestScanThroughBoss({ databaseUrl: database.url, sourceId });
  assert.equal(alreadyRunning, false, "no earlier scan is left running");
  return waitForScan({ scanId });
}

const always500 = (name: string) => standIn.inject({ path: new RegExp(`/repos/acme/${name}/tarball/`), status: 500, times: 1000 });
const serviceOf = (name: string) =>
  db().service.findFirstOrThrow({ where: { sourceId, path: `acme/${name}` }, select: { latestScore: true, latestTargetId: true } });

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
  const target = await db().scanTarget.findFirstOrThrow({
    where: { scanId: scan.id, targetKey: "acme/broken" },
    select: { status: true, error: true },
  });
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
