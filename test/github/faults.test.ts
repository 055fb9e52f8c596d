import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { db } from "@/lib/db";
import { registerSource } from "@/lib/sources/register-source";
import { commitFiles, type BareRepo } from "@/test/github/git-fixtures";
import { startGeneratedOrg } from "@/test/github/generated-org";
import { runGitHubScan } from "@/test/github/run-github-scan";
import type { StandIn } from "@/test/github/stand-in-server";
import { useTestDatabase } from "@/test/support/test-database";

// A hung request must cost this test seconds, not the production 30 s; under a loaded CI machine an honest
// answer (a tarball built by git on the spot) can take more than one.
process.env.DOZEN_GITHUB_TIMEOUT_MS = "3000";

const NAMES = ["svc-a", "svc-b", "svc-c", "svc-d", "svc-e"];

describe("GitHub faults: throttling, retries, timeouts, spent budgets, failing repositories", () => {
  let database: Awaited<ReturnType<typeof useTestDatabase>>;
  let org: Awaited<ReturnType<typeof startGeneratedOrg>>;
  let standIn: StandIn;
  let bare: Map<string, BareRepo>;
  let sourceId: number;

  before(async () => {
    database = await useTestDatabase();
    org = await startGeneratedOrg({ names: NAMES });
    ({ standIn, bare } = org);
    sourceId = (
      await registerSource({
        kind: "github",
        input: { name: "acme-faults", owner: "acme", schedule: null, config: { apiBaseUrl: standIn.baseUrl } },
      })
    ).id;
  });
  after(async () => {
    await org.close();
    await database.drop();
  });

  it("retries 5xx and timeouts, honours retry-after on 429 and secondary 403, and still scans everything", async () => {
    standIn.inject({ path: /\/repos\/acme\/svc-a\/commits\//, status: 502, times: 2 });
    standIn.inject({ path: /\/repos\/acme\/svc-b\/tarball\//, status: 429, times: 1, retryAfter: 1 });
    standIn.inject({ path: /\/repos\/acme\/svc-c\/commits\//, status: "timeout", times: 1 });
    standIn.inject({ path: /\/repos\/acme\/svc-d\/commits\//, status: 403, times: 1, retryAfter: 1 });
    const started = Date.now();
    const scan = await runGitHubScan({ sourceId });
    const failed = await db().scanTarget.findMany({
      where: { scanId: scan.id, status: "failed" },
      select: { targetKey: true, error: true },
    });
    assert.equal(scan.status, "succeeded", JSON.stringify({ error: scan.error, failed }));
    assert.equal(await db().service.count({ where: { sourceId, latestScore: { not: null } } }), NAMES.length);
    assert.ok(Date.now() - started >= 1000);
    for (const path of ["/repos/acme/svc-b/tarball/", "/repos/acme/svc-d/commits/"]) {
      const tries = standIn.stats.log.filter((r) => r.path.startsWith(path));
      assert.ok(tries.length >= 2 && tries[0]?.fault, `${path} was throttled, then retried`);
      assert.ok(tries[1]!.at - tries[0]!.at >= 1000, `${path}: retry-after (1 s) honoured, resent after ${tries[1]!.at - tries[0]!.at} ms`);
    }
    assert.ok(standIn.stats.maxInFlight <= 4);
  });

  it("a repository that keeps failing is marked failed with the reason and a retry time; its scores stay", async () => {
    const before = await db().service.findFirstOrThrow({
      where: { path: "acme/svc-e" },
      select: { latestScore: true, latestTargetId: true },
    });
    await commitFiles({ repo: bare.get("svc-e")!, files: { "index.js": "require('http').createServer().listen(9000);\n" } });
    standIn.inject({ path: /\/repos\/acme\/svc-e\/tarball\//, status: 500, times: 4 }); // the first try and all 3 retries
    const scan = await runGitHubScan({ sourceId });
    assert.equal(scan.status, "partial");
    assert.equal(scan.targetsFailed, 1);
    const repo = await db().repository.findFirstOrThrow({ where: { fullName: "acme/svc-e" } });
    assert.equal(repo.status, "failed");
    assert.match(repo.lastError ?? "", /500/);
    assert.ok(repo.retryAt && repo.retryAt > new Date());
    assert.equal(repo.failures, 1);
    const afterFail = await db().service.findFirstOrThrow({
      where: { path: "acme/svc-e" },
      select: { latestScore: true, latestTargetId: true },
    });
    assert.deepEqual(afterFail, before);
    // The next scan retries it: GitHub is healthy again, the repository recovers with the new commit's score.
    const next = await runGitHubScan({ sourceId });
    assert.equal(next.status, "succeeded", next.error ?? "");
    const recovered = await db().repository.findFirstOrThrow({ where: { fullName: "acme/svc-e" } });
    assert.deepEqual([recovered.status, recovered.failures, recovered.scannedSha], ["ok", 0, recovered.headSha]);
  });

  it("never sends while the budget is 0 before its reset: waits for the reset instead", async () => {
    for (const name of ["svc-a", "svc-b", "svc-c"]) {
      await commitFiles({ repo: bare.get(name)!, files: { "CHANGELOG.md": `${name} ${Date.now()}\n` } });
    }
    standIn.setRateLimit({ remaining: 2, resetInSeconds: 2 });
    standIn.resetStats();
    const started = Date.now();
    const scan = await runGitHubScan({ sourceId });
    assert.ok(["succeeded", "partial"].includes(scan.status), scan.error ?? "");
    assert.equal(standIn.stats.sentAtZero, 0, JSON.stringify(standIn.stats));
    assert.ok(Date.now() - started >= 1500, "waited for the reset");
    const stored = (await db().source.findUniqueOrThrow({ where: { id: sourceId }, select: { rateLimit: true } })).rateLimit as {
      remaining?: number;
      resetAt?: string;
    };
    assert.equal(typeof stored.remaining, "number");
    assert.ok(stored.resetAt, "the last reading is stored with the source");
  });
});
