import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { generateKeyPairSync } from "node:crypto";
import { db } from "@/lib/db";
import { registerSource } from "@/lib/sources/register-source";
import { commitFiles, createBareRepo, generatedService, makeRepoRoot, type BareRepo } from "@/test/github/git-fixtures";
import { runGitHubScan } from "@/test/github/run-github-scan";
import { startStandIn, type StandIn } from "@/test/github/stand-in-server";
import { useTestDatabase } from "@/test/support/test-database";

const NAMES = ["app-a", "app-b", "app-c", "app-d", "app-e"];
const APP_ID = 4242;
const INSTALLATION = 777;
// Short-lived installation tokens, so the test sees one expire and get replaced (GitHub's live an hour).
const TOKEN_TTL_SECONDS = 8;

/** An RSA key pair in the format GitHub hands out (PKCS#1 PEM private key). */
function keyPair() {
  return generateKeyPairSync("rsa", {
    modulusLength: 2048,
    privateKeyEncoding: { type: "pkcs1", format: "pem" },
    publicKeyEncoding: { type: "spki", format: "pem" },
  });
}

describe("GitHub App authentication", () => {
  let database: Awaited<ReturnType<typeof useTestDatabase>>;
  let standIn: StandIn;
  let repos: Awaited<ReturnType<typeof makeRepoRoot>>;
  const bare = new Map<string, BareRepo>();
  const { privateKey, publicKey } = keyPair();
  let sourceId: number;
  const scores = () =>
    db().service.findMany({
      where: { sourceId },
      select: { path: true, latestScore: true, latestTargetId: true },
      orderBy: { path: "asc" },
    });

  before(async () => {
    database = await useTestDatabase();
    repos = await makeRepoRoot();
    standIn = await startStandIn({
      app: { appId: APP_ID, publicKey, installations: { acme: INSTALLATION }, tokenTtlSeconds: TOKEN_TTL_SECONDS },
    });
    for (const name of NAMES) {
      bare.set(name, await createBareRepo({ root: repos.root, name, files: generatedService({ name }) }));
      standIn.addRepo({ owner: "acme", name, bare: bare.get(name)! });
    }
    process.env.DOZEN_TEST_APP_ID = String(APP_ID);
    process.env.DOZEN_TEST_APP_KEY = privateKey;
    const config = { apiBaseUrl: standIn.baseUrl, app: { appIdEnv: "DOZEN_TEST_APP_ID", privateKeyEnv: "DOZEN_TEST_APP_KEY" } };
    sourceId = (await registerSource({ kind: "github", input: { name: "acme-app", owner: "acme", schedule: null, config } })).id;
  });
  after(async () => {
    await standIn.close();
    await repos.remove();
    await database.drop();
  });

  it("scans an organisation as the app's installation, found by owner, with one token shared by every repository job", async () => {
    const scan = await runGitHubScan({ sourceId });
    assert.equal(scan.status, "succeeded", scan.error ?? "");
    assert.equal((await scores()).filter((s) => s.latestScore !== null).length, NAMES.length);
    const app = standIn.app!;
    assert.equal(standIn.stats.byRoute.org_installation, 1, "the installation is looked up once");
    assert.ok(
      app.stats.tokensIssued >= 1 && app.stats.tokensIssued < NAMES.length,
      `tokens issued: ${app.stats.tokensIssued} for ${NAMES.length} repositories`,
    );
    assert.deepEqual([app.stats.jwtRejected, app.stats.tokenRejected], [0, 0]);
    const stored = await db().source.findUniqueOrThrow({ where: { id: sourceId }, select: { config: true, rateLimit: true } });
    assert.doesNotMatch(JSON.stringify(stored), /ghs_|PRIVATE KEY/, "no credential is stored");
  });

  it("an expired installation token is replaced before it is refused", async () => {
    const issued = standIn.app!.stats.tokensIssued;
    await new Promise((ok) => setTimeout(ok, TOKEN_TTL_SECONDS * 1000));
    await commitFiles({ repo: bare.get("app-a")!, files: { "CHANGELOG.md": "changed\n" } });
    const scan = await runGitHubScan({ sourceId });
    const failed = await db().scanTarget.findMany({
      where: { scanId: scan.id, status: "failed" },
      select: { targetKey: true, error: true },
    });
    assert.equal(scan.status, "succeeded", JSON.stringify({ scan, failed, app: standIn.app!.stats }));
    assert.ok(standIn.app!.stats.tokensIssued > issued, "a new token was minted");
    assert.equal(standIn.app!.stats.tokenRejected, 0, "no request went out with an expired token");
  });

  it("a missing or invalid private key fails the scan with the variable named, and nothing is lost", async () => {
    const before = await scores();
    const cases: [string | undefined, RegExp][] = [
      [undefined, /GitHub App private key: environment variable DOZEN_TEST_APP_KEY is not set/],
      ["-----BEGIN RSA PRIVATE KEY-----\nnot a key\n-----END RSA PRIVATE KEY-----", /DOZEN_TEST_APP_KEY does not hold an RSA private key/],
      [keyPair().privateKey, /GitHub rejected the app's JWT \(check DOZEN_TEST_APP_ID and DOZEN_TEST_APP_KEY\)/],
    ];
    try {
      for (const [value, reason] of cases) {
        if (value === undefined) delete process.env.DOZEN_TEST_APP_KEY;
        else process.env.DOZEN_TEST_APP_KEY = value;
        const scan = await runGitHubScan({ sourceId });
        assert.equal(scan.status, "failed");
        assert.match(scan.error ?? "", reason);
        assert.doesNotMatch(scan.error ?? "", /PRIVATE KEY|not a key/, "the key itself is never echoed");
        assert.deepEqual(await scores(), before, "every service keeps its score");
      }
    } finally {
      process.env.DOZEN_TEST_APP_KEY = privateKey;
    }
    assert.ok(standIn.app!.stats.jwtRejected >= 1, "the wrong key's JWT was refused by signature");
    assert.equal(await db().repository.count({ where: { sourceId, status: { not: "ok" } } }), 0, "no repository marked failed");
    const healed = await runGitHubScan({ sourceId });
    assert.equal(healed.status, "succeeded", healed.error ?? "");
  });

  it("an installation id from the environment skips the look-up", async () => {
    process.env.DOZEN_TEST_APP_INSTALLATION = String(INSTALLATION);
    const config = {
      apiBaseUrl: standIn.baseUrl,
      app: { appIdEnv: "DOZEN_TEST_APP_ID", privateKeyEnv: "DOZEN_TEST_APP_KEY", installationIdEnv: "DOZEN_TEST_APP_INSTALLATION" },
    };
    const byId = await registerSource({ kind: "github", input: { name: "acme-app-by-id", owner: "acme", schedule: null, config } });
    const lookUps = standIn.stats.byRoute.org_installation;
    const scan = await runGitHubScan({ sourceId: byId.id });
    assert.equal(scan.status, "succeeded", scan.error ?? "");
    assert.equal(standIn.stats.byRoute.org_installation, lookUps);
  });
});
