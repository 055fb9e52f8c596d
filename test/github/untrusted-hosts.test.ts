import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { generateKeyPairSync } from "node:crypto";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { db } from "@/lib/db";
import { registerSource } from "@/lib/sources/register-source";
import { ValidationError } from "@/lib/errors";
import { createBareRepo, generatedService, makeRepoRoot } from "@/test/github/git-fixtures";
import { runGitHubScan } from "@/test/github/run-github-scan";
import { startStandIn, type StandIn } from "@/test/github/stand-in-server";
import { useTestDatabase } from "@/test/support/test-database";

// Issue 14: a source must not turn the worker against Dozen. Each attack from the issue, through the real
// jobs, a real database and GitHub stand-ins; the "attacker" is a server that records what reaches it.
const SECRET_TOKEN = "ghp_dozenTestTokenThatMustNeverLeave000";
process.env.GITHUB_TOKEN = SECRET_TOKEN;
process.env.DOZEN_TEST_DATABASE_LIKE = "postgres://dozen:hunter2@db.internal/dozen";

interface Seen {
  path: string;
  headers: IncomingHttpHeaders;
}

async function startAttacker(): Promise<{ origin: string; seen: Seen[]; close(): Promise<void> }> {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    seen.push({ path: req.url ?? "", headers: req.headers });
    res.writeHead(418, { "content-type": "text/plain" });
    res.end(`attacker body ${"x".repeat(64)}`);
  });
  // Another loopback address: a host DOZEN_GITHUB_HOSTS does not name, reachable if anything went there.
  await new Promise<void>((ok) => server.listen(0, "127.0.0.2", ok));
  return {
    origin: `http://127.0.0.2:${(server.address() as AddressInfo).port}`,
    seen,
    close: () => new Promise<void>((ok) => (server.closeAllConnections(), server.close(() => ok()))),
  };
}

describe("GitHub sources cannot send a credential outside DOZEN_CREDENTIAL_ENVS and DOZEN_GITHUB_HOSTS", () => {
  let database: Awaited<ReturnType<typeof useTestDatabase>>;
  let repos: Awaited<ReturnType<typeof makeRepoRoot>>;
  let attacker: Awaited<ReturnType<typeof startAttacker>>;
  let hostile: StandIn;

  before(async () => {
    database = await useTestDatabase();
    repos = await makeRepoRoot();
    attacker = await startAttacker();
    hostile = await startStandIn({ tarballRedirectOrigin: attacker.origin });
    hostile.addRepo({
      owner: "acme",
      name: "svc",
      bare: await createBareRepo({ root: repos.root, name: "svc", files: generatedService({ name: "svc" }) }),
    });
  });
  after(async () => {
    await hostile.close();
    await attacker.close();
    await repos.remove();
    await database.drop();
  });

  it("refuses, with 400-class field errors, a token variable outside the allow-list and an API host outside it", async () => {
    const attempts: [object, RegExp][] = [
      [{ tokenEnv: "DATABASE_URL" }, /config\.tokenEnv: DATABASE_URL is not a variable sources may name/],
      [
        { app: { appIdEnv: "GITHUB_APP_ID", privateKeyEnv: "DOZEN_TEST_DATABASE_LIKE" } },
        /config\.app\.privateKeyEnv: DOZEN_TEST_DATABASE_LIKE/,
      ],
      [{ apiBaseUrl: attacker.origin }, /config\.apiBaseUrl: 127\.0\.0\.2:\d+ is not in DOZEN_GITHUB_HOSTS/],
      [{ apiBaseUrl: "http://api.github.com" }, /config\.apiBaseUrl: a credential goes to api\.github\.com over https only/],
    ];
    for (const [config, message] of attempts) {
      await assert.rejects(
        registerSource({ kind: "github", input: { name: "evil", owner: "acme", schedule: null, config } }),
        (error: unknown) => error instanceof ValidationError && error.issues.some((i) => message.test(i)),
      );
    }
    assert.equal(await db().source.count({ where: { name: "evil" } }), 0);
  });

  it("a source row written around the schema is refused again by the worker: nothing reaches the attacker", async () => {
    for (const [name, config] of [
      ["row-host", { apiBaseUrl: attacker.origin }],
      ["row-token", { apiBaseUrl: hostile.baseUrl, tokenEnv: "DOZEN_TEST_DATABASE_LIKE" }],
    ] as const) {
      const source = await db().source.create({ data: { name, kind: "github", location: "acme", config }, select: { id: true } });
      const scan = await runGitHubScan({ sourceId: source.id });
      assert.equal(scan.status, "failed");
      assert.match(scan.error ?? "", /invalid GitHub source config/);
      assert.doesNotMatch(scan.error ?? "", /hunter2|attacker body/);
    }
    assert.equal(attacker.seen.length, 0, "no request reached the attacker");
  });

  it("a tarball redirect to another host is not followed: the token never leaves the API host", async () => {
    const source = await registerSource({
      kind: "github",
      input: { name: "redirected", owner: "acme", schedule: null, config: { apiBaseUrl: hostile.baseUrl } },
    });
    const scan = await runGitHubScan({ sourceId: source.id });
    assert.equal(scan.status, "failed");
    const repo = await db().repository.findFirstOrThrow({ where: { sourceId: source.id }, select: { lastError: true } });
    assert.match(repo.lastError ?? "", /refused to send a request to 127\.0\.0\.2:\d+/);
    assert.equal(attacker.seen.length, 0, "the redirect was not followed, with or without the token");
    assert.ok(hostile.stats.byRoute.tarball, "the API itself was asked for the tarball");
  });

  it("a PEM named as the token variable is refused by name, never sent or echoed (the invalid-header attack)", async () => {
    const { privateKey } = generateKeyPairSync("rsa", {
      modulusLength: 2048,
      privateKeyEncoding: { type: "pkcs1", format: "pem" },
      publicKeyEncoding: { type: "spki", format: "pem" },
    });
    process.env.GITHUB_APP_PRIVATE_KEY = privateKey;
    const source = await registerSource({
      kind: "github",
      input: {
        name: "pem-as-token",
        owner: "acme",
        schedule: null,
        config: { apiBaseUrl: hostile.baseUrl, tokenEnv: "GITHUB_APP_PRIVATE_KEY" },
      },
    });
    hostile.resetStats();
    const scan = await runGitHubScan({ sourceId: source.id });
    assert.equal(scan.status, "failed");
    assert.match(scan.error ?? "", /GITHUB_APP_PRIVATE_KEY does not hold a token/);
    assert.doesNotMatch(scan.error ?? "", /PRIVATE KEY-----|MII/);
    assert.equal(hostile.stats.requests, 0, "nothing was sent with it");
  });

  it("an upstream's error body is never stored: an SSRF reads back a status, not the answer", async () => {
    hostile.inject({ path: /\/orgs\/acme\/repos/, status: 500, times: 10 });
    const source = await registerSource({
      kind: "github",
      input: { name: "ssrf", owner: "acme", schedule: null, config: { apiBaseUrl: hostile.baseUrl } },
    });
    const scan = await runGitHubScan({ sourceId: source.id });
    assert.equal(scan.status, "failed");
    assert.match(scan.error ?? "", /listing acme's repositories failed: answered HTTP 500/);
    assert.doesNotMatch(scan.error ?? "", /Server Error|docs\.github\.com/);
  });
});
