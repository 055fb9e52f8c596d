import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { buildServiceFacts } from "@/lib/facts/build-service-facts";
import type { DeployedBy, ServiceFacts } from "@/lib/facts/types";
import { committedSecrets } from "@/lib/rules/helpers/committed-secrets";

/** The facts of a service at `svc/` holding these files, as the collector would build them (redacted). */
function factsOf(files: Record<string, string>, deployedBy: DeployedBy[] = []): ServiceFacts {
  const facts = buildServiceFacts({
    service: { name: "svc", path: "svc", owners: [] },
    files: Object.keys(files),
    texts: Object.entries(files).map(([path, text]) => ({ path, text })),
    knownPaths: new Set(Object.keys(files)),
    skipped: [],
    vcs: { kind: "none", commit: null, branch: null },
  });
  return { ...facts, deployedBy };
}

const found = (facts: ServiceFacts) => committedSecrets(facts).map((s) => `${s.path}:${s.line} ${s.name ?? s.kind}`);

// A fake token with GitHub's shape, assembled at runtime so this file is no leak to scanners.
const GITHUB_TOKEN = "ghp_" + "Zx9Yw8Vu7Ts6Rq5Po4Nm3Lk2Ji1Hg0Fe9Dc8";

describe("committedSecrets", () => {
  const compose = [
    "services:",
    "  rabbitmq:",
    "    image: rabbitmq:3.13-management",
    "    environment:",
    '      - "RABBITMQ_DEFAULT_PASS=password"',
    "  orders:",
    "    build: ../orders",
    "    environment:",
    "      - ORDERS_QUEUE_PASSWORD=password",
    "  svc:",
    "    build: .",
    "    environment:",
    "      - SESSION_SECRET=s3ss10n-s3cr3t",
  ].join("\n");

  it("in a compose file, only the credentials of the entry that runs this service count", () => {
    assert.deepEqual(found(factsOf({ "svc/docker-compose.yml": compose })), ["svc/docker-compose.yml:13 SESSION_SECRET"]);
  });

  it("an entry the deployment graph joins to the service counts too", () => {
    const deployedBy: DeployedBy[] = [
      { path: "svc/docker-compose.yml", line: 6, object: "compose service orders", descriptor: "compose", link: "name", via: null },
    ];
    assert.deepEqual(found(factsOf({ "svc/docker-compose.yml": compose }, deployedBy)), [
      "svc/docker-compose.yml:9 ORDERS_QUEUE_PASSWORD",
      "svc/docker-compose.yml:13 SESSION_SECRET",
    ]);
  });

  it("user records (seed data, a demo login) are the application's data; a client's settings are not", () => {
    const seed = ["db.users.insertMany([", '  { name: "ada", email: "ada@example.com", password: "lovelace" },', "]);"].join("\n");
    const client = ["module.exports = {", '  host: "db",', '  user: "app",', '  password: "app-db-pass",', "};"].join("\n");
    assert.deepEqual(found(factsOf({ "svc/db/seed.js": seed, "svc/db/client.js": client })), ["svc/db/client.js:4 password"]);
  });

  it("a load test signs in as a demo account: test data", () => {
    const locust = ["from locust import HttpUser, task", "", 'PASSWORD = "lovelace"'].join("\n");
    assert.deepEqual(found(factsOf({ "svc/perf/shopper.py": locust })), []);
  });

  it("a value in a code comment documents; a provider token in a comment is leaked all the same", () => {
    const code = ['// e.g. password = "example-pass"', `// old token: ${GITHUB_TOKEN}`, "export const x = 1;"].join("\n");
    assert.deepEqual(found(factsOf({ "svc/src/config.ts": code })), ["svc/src/config.ts:2 github-token"]);
  });

  it("generated code is not the team's to judge", () => {
    const facts = factsOf({ "svc/src/client.ts": 'export const apiKey = "k-9f8e7d6c5b4a3f2e1d0c";' });
    assert.equal(found(facts).length, 1);
    const generated = { ...facts, textFiles: facts.textFiles.map((f) => ({ ...f, generated: true as const })) };
    assert.deepEqual(found(generated), []);
  });
});
