import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { createSign, generateKeyPairSync } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { Ajv2019 as Ajv } from "ajv/dist/2019.js";
import addFormats from "ajv-formats";
import { createBareRepo, generatedService, makeRepoRoot } from "@/test/github/git-fixtures";
import { startStandIn, type StandIn } from "@/test/github/stand-in-server";

// GitHub's own description of its API: the stand-in's bodies must satisfy it, so it cannot drift.
const spec = JSON.parse(readFileSync(createRequire(import.meta.url).resolve("@octokit/openapi/generated/api.github.com.json"), "utf8")) as {
  paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: unknown }> }> }>>;
  components: { schemas: Record<string, unknown> };
};

/** OpenAPI 3.0's `nullable: true` is not JSON Schema: rewrite it as anyOf [schema, null] before ajv compiles. */
function denullify(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(denullify);
  if (!node || typeof node !== "object") return node;
  const { nullable, ...rest } = node as Record<string, unknown>;
  const out = Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, k === "example" || k === "examples" ? v : denullify(v)]));
  return nullable === true ? { anyOf: [out, { type: "null" }] } : out;
}

const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true });
addFormats.default(ajv);
ajv.addSchema({ $id: "https://dozen.invalid/github", components: denullify(spec.components) }, "github");

function validator(path: string, status: string, media = "application/json", method: "get" | "post" = "get") {
  const schema = path.startsWith("#") ? { $ref: path } : spec.paths[path]?.[method]?.responses[status]?.content?.[media]?.schema;
  assert.ok(schema, `OpenAPI describes ${method.toUpperCase()} ${path} ${status} ${media}`);
  const rebased = JSON.parse(JSON.stringify(denullify(schema)).replaceAll('"#/components/', '"https://dozen.invalid/github#/components/'));
  return ajv.compile(rebased as object);
}

function assertValid(validate: ReturnType<typeof validator>, body: unknown): void {
  assert.ok(validate(body), JSON.stringify(validate.errors?.slice(0, 5), null, 1));
}

describe("GitHub stand-in conforms to GitHub's OpenAPI description", () => {
  let standIn: StandIn;
  let repos: Awaited<ReturnType<typeof makeRepoRoot>>;
  before(async () => {
    repos = await makeRepoRoot();
    standIn = await startStandIn();
    for (const name of ["alpha", "beta", "gamma"]) {
      standIn.addRepo({
        owner: "acme",
        name,
        bare: await createBareRepo({ root: repos.root, name, files: generatedService({ name }) }),
        topics: ["svc"],
      });
    }
  });
  after(async () => {
    await standIn.close();
    await repos.remove();
  });

  it("org repository listing pages are minimal-repository arrays with GitHub's Link header", async () => {
    const validate = validator("/orgs/{org}/repos", "200");
    const first = await fetch(`${standIn.baseUrl}/orgs/acme/repos?per_page=2&page=1`);
    const body = (await first.json()) as { name: string }[];
    assertValid(validate, body);
    assert.deepEqual(
      body.map((r) => r.name),
      ["alpha", "beta"],
    );
    assert.match(first.headers.get("link") ?? "", /<[^>]+page=2>; rel="next"/);
    const second = await fetch(`${standIn.baseUrl}/orgs/acme/repos?per_page=2&page=2`);
    assertValid(validate, await second.json());
    assert.match(second.headers.get("link") ?? "", /rel="prev"/);
  });

  it("repos/get is a full-repository", async () => {
    const res = await fetch(`${standIn.baseUrl}/repos/acme/alpha`);
    assertValid(validator("/repos/{owner}/{repo}", "200"), await res.json());
  });

  it("commits/{ref} answers the sha media type with a strong ETag, and 304 on If-None-Match", async () => {
    const headers = { accept: "application/vnd.github.sha" };
    const res = await fetch(`${standIn.baseUrl}/repos/acme/alpha/commits/main`, { headers });
    const sha = await res.text();
    assertValid(validator("/repos/{owner}/{repo}/commits/{ref}", "200", "application/vnd.github.sha"), sha);
    assert.match(sha, /^[0-9a-f]{40}$/);
    const etag = res.headers.get("etag") ?? "";
    assert.match(etag, /^"[0-9a-f]+"$/);
    const again = await fetch(`${standIn.baseUrl}/repos/acme/alpha/commits/main`, { headers: { ...headers, "if-none-match": etag } });
    assert.equal(again.status, 304);
    assert.equal(standIn.stats.notModified, 1);
  });

  it("tarball is GitHub's 302 to a codeload URL serving <owner>-<repo>-<sha7>/ entries", async () => {
    const res = await fetch(`${standIn.baseUrl}/repos/acme/beta/tarball/main`, { redirect: "manual" });
    assert.equal(res.status, 302);
    assert.ok(spec.paths["/repos/{owner}/{repo}/tarball/{ref}"]?.get?.responses["302"]);
    const location = res.headers.get("location") ?? "";
    const download = await fetch(location);
    assert.match(download.headers.get("content-disposition") ?? "", /filename=acme-beta-[0-9a-f]{7}\.tar\.gz/);
    assert.ok((await download.arrayBuffer()).byteLength > 100);
  });

  it("rate_limit is a rate-limit-overview, and errors are basic-errors", async () => {
    assertValid(validator("/rate_limit", "200"), await (await fetch(`${standIn.baseUrl}/rate_limit`)).json());
    const missing = await fetch(`${standIn.baseUrl}/repos/acme/nope`);
    assert.equal(missing.status, 404);
    assert.deepEqual(spec.paths["/repos/{owner}/{repo}"]?.get?.responses["404"], { $ref: "#/components/responses/not_found" });
    assertValid(validator("#/components/schemas/basic-error", "404"), await missing.json());
  });
});

/** An app JWT as GitHub expects it: RS256, `iss` = app id, at most 10 minutes long. */
function appJwt(opts: { privateKey: string; appId: number; iat?: number; exp?: number }): string {
  const now = Math.floor(Date.now() / 1000);
  const part = (o: unknown) => Buffer.from(JSON.stringify(o)).toString("base64url");
  const body = `${part({ alg: "RS256", typ: "JWT" })}.${part({ iss: opts.appId, iat: opts.iat ?? now - 30, exp: opts.exp ?? now + 540 })}`;
  return `${body}.${createSign("RSA-SHA256").update(body).sign(opts.privateKey).toString("base64url")}`;
}

describe("GitHub stand-in's app endpoints conform to GitHub's OpenAPI description", () => {
  const keys = generateKeyPairSync("rsa", {
    modulusLength: 2048,
    privateKeyEncoding: { type: "pkcs1", format: "pem" },
    publicKeyEncoding: { type: "spki", format: "pem" },
  });
  let standIn: StandIn;
  let repos: Awaited<ReturnType<typeof makeRepoRoot>>;
  before(async () => {
    repos = await makeRepoRoot();
    standIn = await startStandIn({ app: { appId: 99, publicKey: keys.publicKey, installations: { acme: 5, octocat: 6 } } });
    standIn.addRepo({
      owner: "acme",
      name: "alpha",
      bare: await createBareRepo({ root: repos.root, name: "alpha", files: generatedService({ name: "alpha" }) }),
    });
  });
  after(async () => {
    await standIn.close();
    await repos.remove();
  });
  const bearer = (jwt: string) => ({ authorization: `Bearer ${jwt}`, accept: "application/vnd.github+json" });

  it("an org's and a user's installation are installations, found with the app's JWT", async () => {
    const jwt = appJwt({ privateKey: keys.privateKey, appId: 99 });
    const org = await fetch(`${standIn.baseUrl}/orgs/acme/installation`, { headers: bearer(jwt) });
    assert.equal(org.status, 200);
    const body = (await org.json()) as { id: number; app_id: number };
    assertValid(validator("/orgs/{org}/installation", "200"), body);
    assert.deepEqual([body.id, body.app_id], [5, 99]);
    const user = await fetch(`${standIn.baseUrl}/users/octocat/installation`, { headers: bearer(jwt) });
    assertValid(validator("/users/{username}/installation", "200"), await user.json());
    assert.equal((await fetch(`${standIn.baseUrl}/orgs/nobody/installation`, { headers: bearer(jwt) })).status, 404);
  });

  it("an installation token is an installation-token, and only live issued tokens are accepted", async () => {
    const created = await fetch(`${standIn.baseUrl}/app/installations/5/access_tokens`, {
      method: "POST",
      headers: bearer(appJwt({ privateKey: keys.privateKey, appId: 99 })),
    });
    assert.equal(created.status, 201);
    const body = (await created.json()) as { token: string; expires_at: string };
    assertValid(validator("/app/installations/{installation_id}/access_tokens", "201", "application/json", "post"), body);
    assert.ok(Date.parse(body.expires_at) > Date.now() + 55 * 60_000, "GitHub's tokens live an hour");
    assert.equal((await fetch(`${standIn.baseUrl}/repos/acme/alpha`, { headers: { authorization: `token ${body.token}` } })).status, 200);
    for (const authorization of ["token ghs_forged", "token ghp_personal", undefined]) {
      const denied = await fetch(`${standIn.baseUrl}/repos/acme/alpha`, { headers: authorization ? { authorization } : {} });
      assert.equal(denied.status, 401, String(authorization));
      assertValid(validator("#/components/schemas/basic-error", "401"), await denied.json());
    }
  });

  it("a JWT signed by another key, expired, or from another app gets GitHub's 401", async () => {
    const other = generateKeyPairSync("rsa", {
      modulusLength: 2048,
      privateKeyEncoding: { type: "pkcs1", format: "pem" },
      publicKeyEncoding: { type: "spki", format: "pem" },
    });
    const now = Math.floor(Date.now() / 1000);
    const cases: [string, RegExp][] = [
      [appJwt({ privateKey: other.privateKey, appId: 99 }), /could not be decoded/],
      [appJwt({ privateKey: keys.privateKey, appId: 99, iat: now - 700, exp: now - 100 }), /'Expiration time' claim/],
      [appJwt({ privateKey: keys.privateKey, appId: 98 }), /'Issuer' claim/],
      ["not.a.jwt", /could not be decoded/],
    ];
    for (const [jwt, message] of cases) {
      const res = await fetch(`${standIn.baseUrl}/app/installations/5/access_tokens`, { method: "POST", headers: bearer(jwt) });
      assert.equal(res.status, 401);
      const body = (await res.json()) as { message: string };
      assert.ok(spec.paths["/app/installations/{installation_id}/access_tokens"]?.post?.responses["401"]);
      assertValid(validator("#/components/schemas/basic-error", "401"), body);
      assert.match(body.message, message);
    }
    assert.equal(standIn.app!.stats.tokensIssued, 1, "only the valid JWT got a token");
  });
});
