import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { db } from "@/lib/db";
import { registerSource } from "@/lib/sources/register-source";
import { commitFiles, createBareRepo, generatedService, makeRepoRoot, type BareRepo } from "@/test/github/git-fixtures";
import { runGitHubScan } from "@/test/github/run-github-scan";
import { startStandIn, type StandIn } from "@/test/github/stand-in-server";
import { useTestDatabase } from "@/test/support/test-database";

const FLEET = ["legacy-billing", "payments-api", "shop-monorepo", "identity-service"];
const GENERATED = Array.from({ length: 6 }, (_, i) => `svc-${i}`);

/** A scan that did not succeed says which targets failed and why. */
async function assertSucceeded(scan: { id: number; status: string; error: string | null }) {
  const failed = await db().scanTarget.findMany({ where: { scanId: scan.id, status: "failed" }, select: { targetKey: true, error: true } });
  assert.equal(scan.status, "succeeded", scan.error || JSON.stringify(failed));
}

describe("GitHub source scanned through the stand-in", () => {
  let database: Awaited<ReturnType<typeof useTestDatabase>>;
  let standIn: StandIn;
  let repos: Awaited<ReturnType<typeof makeRepoRoot>>;
  const bare = new Map<string, BareRepo>();
  let sourceId: number;
  const scanned = () => FLEET.length + GENERATED.length;

  before(async () => {
    database = await useTestDatabase();
    repos = await makeRepoRoot();
    standIn = await startStandIn();
    for (const name of FLEET) bare.set(name, await createBareRepo({ root: repos.root, name, fromDir: join("examples/fleet", name) }));
    for (const name of GENERATED)
      bare.set(
        name,
        await createBareRepo({ root: repos.root, name, files: generatedService({ name, port: name === "svc-0" ? 8080 : undefined }) }),
      );
    for (const [name, repo] of bare) standIn.addRepo({ owner: "acme", name, bare: repo });
    standIn.addRepo({ owner: "acme", name: "old-thing", bare: bare.get("svc-1")!, archived: true });
    standIn.addRepo({ owner: "acme", name: "forked", bare: bare.get("svc-2")!, fork: true });
    const source = await registerSource({
      kind: "github",
      input: { name: "acme", owner: "acme", schedule: null, config: { apiBaseUrl: standIn.baseUrl, webBaseUrl: "https://github.com" } },
    });
    sourceId = source.id;
  });
  after(async () => {
    await standIn.close();
    await repos.remove();
    await database.drop();
  });

  it("first scan: every service scored with at most 3 counted requests per repository, archived and forks skipped", async () => {
    const scan = await runGitHubScan({ sourceId });
    await assertSucceeded(scan);
    assert.equal(scan.targetsDone, scan.targetsTotal);
    assert.ok(standIn.stats.counted / scanned() <= 3, `counted ${standIn.stats.counted} for ${scanned()} repositories`);
    assert.ok(standIn.stats.maxInFlight <= 4, `max in flight ${standIn.stats.maxInFlight}`);
    const services = await db().service.findMany({
      where: { sourceId },
      select: { path: true, latestScore: true, repoUrl: true, team: { select: { slug: true } } },
    });
    const paths = services.map((s) => s.path);
    assert.ok(paths.includes("acme/legacy-billing") && paths.includes("acme/svc-5"));
    assert.ok(paths.filter((p) => p.startsWith("acme/shop-monorepo/")).length >= 2, `monorepo split into services: ${paths}`);
    assert.ok(!paths.some((p) => p.includes("old-thing") || p.includes("forked")));
    assert.ok(services.every((s) => s.latestScore !== null));
    const billing = services.find((s) => s.path === "acme/legacy-billing");
    assert.equal(billing?.team?.slug, "team-payments", "CODEOWNERS names the owning team");
    assert.equal(billing?.repoUrl, `${standIn.webUrl}/acme/legacy-billing`);
  });

  it("evidence links point at the file and lines on GitHub at the scanned commit", async () => {
    const repo = await db().repository.findFirstOrThrow({ where: { sourceId, fullName: "acme/svc-0" }, select: { scannedSha: true } });
    const finding = await db().finding.findFirstOrThrow({
      where: { ruleId: "readsPortFromEnv", outcome: "fail", target: { service: { path: "acme/svc-0" } } },
      select: { evidence: true },
    });
    const [first] = finding.evidence as { url?: string }[];
    assert.equal(first?.url, `https://github.com/acme/svc-0/blob/${repo.scannedSha}/index.js#L4-L4`);
  });

  it("an unchanged rescan spends no counted request and keeps every score", async () => {
    const before = await db().service.findMany({
      where: { sourceId },
      select: { path: true, latestScore: true },
      orderBy: { path: "asc" },
    });
    standIn.resetStats();
    const scan = await runGitHubScan({ sourceId });
    await assertSucceeded(scan);
    assert.equal(standIn.stats.counted, 0, JSON.stringify(standIn.stats));
    assert.equal(standIn.stats.codeload, 0, "nothing downloaded");
    const afterScan = await db().service.findMany({
      where: { sourceId },
      select: { path: true, latestScore: true },
      orderBy: { path: "asc" },
    });
    assert.deepEqual(afterScan, before);
  });

  it("a push is picked up with one download; a deleted repository is marked gone with its history kept", async () => {
    await commitFiles({
      repo: bare.get("svc-0")!,
      files: { "index.js": 'const app = require("express")();\napp.listen(process.env.PORT);\n' },
    });
    standIn.touchRepo({ owner: "acme", name: "svc-0" });
    standIn.removeRepo({ owner: "acme", name: "svc-5" });
    standIn.resetStats();
    const scan = await runGitHubScan({ sourceId });
    await assertSucceeded(scan);
    assert.equal(standIn.stats.codeload, 1, "only the pushed repository is downloaded");
    assert.ok(standIn.stats.counted <= 3, JSON.stringify(standIn.stats));
    const fixed = await db().finding.findFirstOrThrow({
      where: { ruleId: "readsPortFromEnv", target: { service: { path: "acme/svc-0" }, scanId: scan.id } },
      select: { outcome: true },
    });
    assert.equal(fixed.outcome, "pass");
    const gone = await db().service.findFirstOrThrow({ where: { path: "acme/svc-5" }, select: { goneAt: true, latestScore: true } });
    assert.ok(gone.goneAt && gone.latestScore !== null);
    assert.equal((await db().repository.findFirstOrThrow({ where: { fullName: "acme/svc-5" } })).status, "gone");
  });

  it("a monorepo push that removes a service directory marks that service gone, its history kept; its siblings stay", async () => {
    const monorepo = bare.get("shop-monorepo")!;
    const removed = "acme/shop-monorepo/services/order-worker";
    const before = await db().service.findFirstOrThrow({
      where: { sourceId, path: removed },
      select: { id: true, latestScore: true, goneAt: true },
    });
    assert.equal(before.goneAt, null);
    await rm(join(monorepo.workTree, "services/order-worker"), { recursive: true });
    await commitFiles({ repo: monorepo, files: {} });
    const scan = await runGitHubScan({ sourceId });
    await assertSucceeded(scan);
    const gone = await db().service.findUniqueOrThrow({ where: { id: before.id }, select: { goneAt: true, latestScore: true } });
    assert.ok(gone.goneAt, "the removed service is gone");
    assert.equal(gone.latestScore, before.latestScore, "its last score is kept");
    assert.ok((await db().scanTarget.count({ where: { serviceId: before.id } })) >= 1, "its history is kept");
    const siblings = await db().service.findMany({
      where: { sourceId, path: { startsWith: "acme/shop-monorepo/" }, id: { not: before.id } },
      select: { goneAt: true },
    });
    assert.ok(siblings.length >= 2 && siblings.every((s) => s.goneAt === null));
    assert.equal(
      await db().service.count({ where: { sourceId, goneAt: { not: null }, path: { not: removed } } }),
      1,
      "only svc-5, deleted earlier, is gone besides it",
    );
    const again = await runGitHubScan({ sourceId });
    assert.equal(again.status, "succeeded", again.error ?? "");
    assert.ok(
      (await db().service.findUniqueOrThrow({ where: { id: before.id }, select: { goneAt: true } })).goneAt,
      "an unchanged rescan does not revive it",
    );
  });

  it("a deploy declaration that joins no service is listed under the scan, with its repository, and kept on an unchanged rescan", async () => {
    await commitFiles({
      repo: bare.get("svc-3")!,
      files: {
        "k8s/metrics-relay.yaml":
          "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: metrics-relay\nspec:\n  selector:\n    matchLabels: { app: metrics-relay }\n  template:\n    metadata:\n      labels: { app: metrics-relay }\n    spec:\n      containers:\n        - name: relay\n          image: ghcr.io/other-team/metrics-relay:2.0.1\n",
      },
    });
    standIn.touchRepo({ owner: "acme", name: "svc-3" });
    const unmatchedOf = async (scanId: number) =>
      (await db().scan.findUniqueOrThrow({ where: { id: scanId }, select: { unmatched: true } })).unmatched as {
        repository?: string;
        path: string;
        name: string;
      }[];
    const scan = await runGitHubScan({ sourceId });
    await assertSucceeded(scan);
    const listed = (await unmatchedOf(scan.id)).filter((w) => w.name === "metrics-relay");
    assert.deepEqual(
      listed.map((w) => [w.repository, w.path]),
      [["acme/svc-3", "acme/svc-3/k8s/metrics-relay.yaml"]],
    );
    const again = await runGitHubScan({ sourceId });
    assert.equal(again.status, "succeeded", again.error ?? "");
    assert.ok(
      (await unmatchedOf(again.id)).some((w) => w.name === "metrics-relay"),
      "an unchanged repository's unmatched declarations carry over",
    );
  });
});
