import { after, before, it } from "node:test";
import assert from "node:assert/strict";
import { generateKeyPairSync } from "node:crypto";
import { join } from "node:path";
import { db } from "@/lib/db";
import { registerSource } from "@/lib/sources/register-source";
import { createBareRepo, generatedService, makeRepoRoot } from "@/test/github/git-fixtures";
import { runGitHubScan } from "@/test/github/run-github-scan";
import { startStandIn, type StandIn } from "@/test/github/stand-in-server";
import { useTestDatabase } from "@/test/support/test-database";

let database: Awaited<ReturnType<typeof useTestDatabase>>;
let standIn: StandIn;
let repos: Awaited<ReturnType<typeof makeRepoRoot>>;

before(async () => {
  database = await useTestDatabase();
  repos = await makeRepoRoot();
  const keys = generateKeyPairSync("rsa", {
    modulusLength: 2048,
    privateKeyEncoding: { type: "pkcs1", format: "pem" },
    publicKeyEncoding: { type: "spki", format: "pem" },
  });
  // An app-only server, so the app's own endpoints are exercised under /api/v3 too.
  standIn = await startStandIn({ app: { appId: 7, publicKey: keys.publicKey, installations: { platform: 70 } } });
  standIn.addRepo({
    owner: "platform",
    name: "svc-port",
    bare: await createBareRepo({ root: repos.root, name: "svc-port", files: generatedService({ name: "svc-port", port: 8080 }) }),
  });
  standIn.addRepo({
    owner: "platform",
    name: "shop-monorepo",
    bare: await createBareRepo({ root: repos.root, name: "shop-monorepo", fromDir: join("examples/fleet", "shop-monorepo") }),
  });
  process.env.DOZEN_TEST_GHES_APP_ID = "7";
  process.env.DOZEN_TEST_GHES_APP_KEY = keys.privateKey;
});
after(async () => {
  await standIn.close();
  await repos.remove();
  await database.drop();
});

it("a GitHub Enterprise Server source (apiBaseUrl …/api/v3) scans end to end and links evidence to the GHES web host", async () => {
  const { apiBaseUrl, webUrl } = standIn.enterprise;
  const config = { apiBaseUrl, app: { appIdEnv: "DOZEN_TEST_GHES_APP_ID", privateKeyEnv: "DOZEN_TEST_GHES_APP_KEY" } };
  const { id: sourceId } = await registerSource({
    kind: "github",
    input: { name: "ghes-platform", owner: "platform", schedule: null, config },
  });
  const scan = await runGitHubScan({ sourceId });
  assert.equal(scan.status, "succeeded", scan.error ?? "");
  assert.equal(standIn.stats.enterprise, standIn.stats.requests - standIn.stats.codeload, "every API request went to /api/v3");
  assert.equal(standIn.stats.byRoute.access_tokens, 1);
  const services = await db().service.findMany({ where: { sourceId }, select: { path: true, repoUrl: true, latestScore: true } });
  assert.ok(services.filter((s) => s.path.startsWith("platform/shop-monorepo/")).length >= 2, "the monorepo's services are found");
  assert.ok(services.every((s) => s.latestScore !== null));
  assert.equal(services.find((s) => s.path === "platform/svc-port")?.repoUrl, `${webUrl}/platform/svc-port`);
  const repo = await db().repository.findFirstOrThrow({
    where: { sourceId, fullName: "platform/svc-port" },
    select: { scannedSha: true, htmlUrl: true },
  });
  assert.equal(repo.htmlUrl, `${webUrl}/platform/svc-port`);
  const finding = await db().finding.findFirstOrThrow({
    where: { ruleId: "readsPortFromEnv", outcome: "fail", target: { scanId: scan.id, service: { path: "platform/svc-port" } } },
    select: { evidence: true },
  });
  const [first] = finding.evidence as { url?: string }[];
  assert.equal(first?.url, `${webUrl}/platform/svc-port/blob/${repo.scannedSha}/index.js#L4-L4`);
  assert.doesNotMatch(JSON.stringify(finding.evidence), /github\.com|\/api\/v3/);
});
