import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { fillMegabyte, HOSTILE_LINES } from "@/test/support/hostile-lines";
import { redactSecrets } from "@/lib/facts/redact-secrets";

// Fake credentials with real shapes. Assembled at runtime so this file is not itself a "leak" to scanners.
const AWS = "AKIA" + "ZQ3DN4EXAMPLE7QW";
const GHP = "ghp_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8";
const STRIPE = "sk_live_" + "51HqLyjWDarjtT1zdp7dcQwEr";
const SLACK = "xoxb-" + "123456789012-abcdefghijkl";

interface Case {
  name: string;
  path: string;
  lines: string[];
  redacted: string[];
  candidates: { line: number; kind: string; name: string | null; preview: string }[];
}

const cases: Case[] = [
  {
    name: "an AWS access key ID keeps its 4-char prefix and is redacted, not reported (an identifier)",
    path: "src/aws.ts",
    lines: [`const id = "${AWS}";`],
    redacted: [`const id = "AKIA****";`],
    candidates: [],
  },
  {
    name: "token inside a secret assignment takes the assignment's name",
    path: ".env",
    lines: ["# creds", `GITHUB_TOKEN=${GHP}`, `STRIPE_SECRET_KEY=${STRIPE}`, `SLACK_BOT=${SLACK}`],
    redacted: ["# creds", "GITHUB_TOKEN=ghp_****", "STRIPE_SECRET_KEY=sk_l****", "SLACK_BOT=xoxb****"],
    candidates: [
      { line: 2, kind: "github-token", name: "GITHUB_TOKEN", preview: "ghp_****" },
      { line: 3, kind: "stripe-secret-key-live", name: "STRIPE_SECRET_KEY", preview: "sk_l****" },
      { line: 4, kind: "slack-token", name: null, preview: "xoxb****" },
    ],
  },
  {
    name: "short passwords keep no prefix; references and placeholders are left alone",
    path: "config/app.yaml",
    lines: [
      "db:",
      "  password: hunter2 # set by ops",
      "  apiKey: ${API_KEY}",
      "  client_secret: <your-client-secret>",
      "  token_ttl: 3600",
      "  admin_pass: changeme",
    ],
    redacted: [
      "db:",
      '  password: "****" # set by ops',
      "  apiKey: ${API_KEY}",
      "  client_secret: <your-client-secret>",
      "  token_ttl: 3600",
      "  admin_pass: changeme",
    ],
    candidates: [{ line: 2, kind: "password-assignment", name: "password", preview: "****" }],
  },
  {
    name: "a default inside a reference is a committed literal",
    path: "docker-compose.yml",
    lines: ["      DB_PASSWORD: ${DB_PASSWORD:-s3cr3tpw}", "      DB_HOST: ${DB_HOST:-db}"],
    redacted: ["      DB_PASSWORD: ${DB_PASSWORD:-****}", "      DB_HOST: ${DB_HOST:-db}"],
    candidates: [{ line: 1, kind: "password-assignment", name: "DB_PASSWORD", preview: "****" }],
  },
  {
    name: "source code: only quoted literals count",
    path: "app/settings.py",
    lines: ['SECRET_KEY = os.environ["SECRET_KEY"]', "password = get_password()", 'API_KEY = "abc123abc123abc123"'],
    redacted: ['SECRET_KEY = os.environ["SECRET_KEY"]', "password = get_password()", 'API_KEY = "abc1****"'],
    candidates: [{ line: 3, kind: "key-assignment", name: "API_KEY", preview: "abc1****" }],
  },
  {
    name: "typed declarations and object keys",
    path: "src/Config.kt",
    lines: ['val dbPassword: String = "pa55word!"', 'val opts = mapOf("password" to x)'],
    redacted: ['val dbPassword: String = "****"', 'val opts = mapOf("password" to x)'],
    candidates: [{ line: 1, kind: "password-assignment", name: "dbPassword", preview: "****" }],
  },
  {
    name: "credentials in URLs and JDBC query strings",
    path: "src/main/resources/application.properties",
    lines: [
      "spring.datasource.url=jdbc:postgresql://db:5432/orders?user=app&password=pgpass99",
      "cache.url=redis://:redispass@cache:6379/0",
      "broker=amqp://guest:${RABBIT_PASS}@mq:5672",
    ],
    redacted: [
      "spring.datasource.url=jdbc:postgresql://db:5432/orders?user=app&password=****",
      "cache.url=redis://:****@cache:6379/0",
      "broker=amqp://guest:${RABBIT_PASS}@mq:5672",
    ],
    candidates: [
      { line: 1, kind: "connection-string-credentials", name: "password", preview: "****" },
      { line: 2, kind: "connection-string-credentials", name: null, preview: "****" },
    ],
  },
  {
    name: "private key: header reported once, body lines blanked, indentation kept",
    path: "deploy/tls.yaml",
    lines: [
      "key: |",
      "  -----BEGIN RSA PRIVATE KEY-----",
      "  MIIEpAIBAAKCAQEA7",
      "  Zm9vYmFy",
      "  -----END RSA PRIVATE KEY-----",
      "other: 1",
    ],
    redacted: ["key: |", "  -----BEGIN RSA PRIVATE KEY-----", "  ****", "  ****", "  -----END RSA PRIVATE KEY-----", "other: 1"],
    candidates: [{ line: 2, kind: "private-key", name: null, preview: "****" }],
  },
  {
    name: "private key on one line with escaped newlines",
    path: "svc-account.json",
    lines: ['{"private_key": "-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBg\\n-----END PRIVATE KEY-----\\n"}'],
    redacted: ['{"private_key": "-----BEGIN PRIVATE KEY-----****-----END PRIVATE KEY-----\\n"}'],
    candidates: [{ line: 1, kind: "private-key", name: "private_key", preview: "****" }],
  },
  {
    name: "Kubernetes env: name on one line, value on the next",
    path: "k8s/deploy.yaml",
    lines: ["        - name: DB_PASSWORD", "          value: hunter22", "        - name: LOG_LEVEL", "          value: info"],
    redacted: ["        - name: DB_PASSWORD", '          value: "****"', "        - name: LOG_LEVEL", "          value: info"],
    candidates: [{ line: 2, kind: "password-assignment", name: "DB_PASSWORD", preview: "****" }],
  },
  {
    name: "name/value pairs in flow style (ECS, compact Kubernetes env)",
    path: "task.yaml",
    lines: ["env: [{ name: LOG_LEVEL, value: info }, { name: API_TOKEN, value: tok-123 }]", '{"name": "DB_PASSWORD", "value": "pw-123"}'],
    redacted: ['env: [{ name: LOG_LEVEL, value: info }, { name: API_TOKEN, value: "****" }]', '{"name": "DB_PASSWORD", "value": "****"}'],
    candidates: [
      { line: 1, kind: "token-assignment", name: "API_TOKEN", preview: "****" },
      { line: 2, kind: "password-assignment", name: "DB_PASSWORD", preview: "****" },
    ],
  },
  {
    name: "Kubernetes Secret data: every value, no prefix even when long",
    path: "k8s/secret.yaml",
    lines: [
      "apiVersion: v1",
      "kind: Secret",
      "metadata:",
      "  name: db",
      "data:",
      "  url: cG9zdGdyZXM6Ly91OnBAaDo1NDMyL2Ri",
      "  tls.key: |",
      "    LS0tLS1CRUdJTg==",
      "    QUJD",
      "type: Opaque",
    ],
    redacted: [
      "apiVersion: v1",
      "kind: Secret",
      "metadata:",
      "  name: db",
      "data:",
      '  url: "****"',
      "  tls.key: |",
      "    ****",
      "    ****",
      "type: Opaque",
    ],
    candidates: [
      { line: 6, kind: "k8s-secret-data", name: "url", preview: "****" },
      { line: 8, kind: "k8s-secret-data", name: "tls.key", preview: "****" },
    ],
  },
  {
    name: "Kubernetes Secret data in flow style",
    path: "k8s/secret.yaml",
    lines: ["kind: Secret", 'data: {tls.crt: LS0tLS1CRUdJTg==, "ca.crt": "QUJDREVGRw=="}'],
    redacted: ["kind: Secret", 'data: {tls.crt: "****", "ca.crt": "****"}'],
    candidates: [
      { line: 2, kind: "k8s-secret-data", name: "tls.crt", preview: "****" },
      { line: 2, kind: "k8s-secret-data", name: "ca.crt", preview: "****" },
    ],
  },
  {
    name: "ConfigMap data is not Secret data",
    path: "k8s/cm.yaml",
    lines: ["kind: ConfigMap", "data:", "  LOG_LEVEL: debug"],
    redacted: ["kind: ConfigMap", "data:", "  LOG_LEVEL: debug"],
    candidates: [],
  },
  {
    name: "Dockerfile ENV in both forms",
    path: "Dockerfile",
    lines: ["ENV DB_PASSWORD hunter22", "ENV API_TOKEN=tok_abcdef NODE_ENV=production", "ENV PORT 8080"],
    redacted: ["ENV DB_PASSWORD ****", "ENV API_TOKEN=**** NODE_ENV=production", "ENV PORT 8080"],
    candidates: [
      { line: 1, kind: "password-assignment", name: "DB_PASSWORD", preview: "****" },
      { line: 2, kind: "token-assignment", name: "API_TOKEN", preview: "****" },
    ],
  },
  {
    name: "comparisons with a literal hard-code the credential too",
    path: "server.js",
    lines: ['if (req.body.password === "hunter2") {', "if (token == null) return;"],
    redacted: ['if (req.body.password === "****") {', "if (token == null) return;"],
    candidates: [{ line: 1, kind: "password-assignment", name: "req.body.password", preview: "****" }],
  },
  {
    name: "XML elements named like secrets",
    path: "pom.xml",
    lines: ["<server><id>nexus</id><password>hunter2</password></server>", "<username>deploy</username>"],
    redacted: ["<server><id>nexus</id><password>****</password></server>", "<username>deploy</username>"],
    candidates: [{ line: 1, kind: "password-assignment", name: "password", preview: "****" }],
  },
  {
    name: "JSON with a flow value ending in a comma",
    path: "config/local.json",
    lines: ['{ "apiKey": "k-12345", "timeout": 5 }'],
    redacted: ['{ "apiKey": "****", "timeout": 5 }'],
    candidates: [{ line: 1, kind: "key-assignment", name: "apiKey", preview: "****" }],
  },
  {
    name: "the key stays readable, only a secret's value is masked; non-secret keys are left alone",
    path: ".github/workflows/release.yml",
    lines: ["permissions:", "  id-token: write", "  contents: read", "env:", "  REGISTRY_PASSWORD: r3g-pass-42", "  token_type: Bearer"],
    redacted: ["permissions:", "  id-token: write", "  contents: read", "env:", '  REGISTRY_PASSWORD: "****"', "  token_type: Bearer"],
    candidates: [{ line: 5, kind: "password-assignment", name: "REGISTRY_PASSWORD", preview: "****" }],
  },
  {
    name: "a compose list item keeps its quotes; a connection string keeps user, host and database",
    path: "docker-compose.yml",
    lines: ['      - "RABBITMQ_DEFAULT_PASS=password"', "      - DATABASE_URL=postgres://orders:pg-pass-42@db:5432/orders"],
    redacted: ['      - "RABBITMQ_DEFAULT_PASS=****"', "      - DATABASE_URL=postgres://orders:****@db:5432/orders"],
    candidates: [
      { line: 1, kind: "password-assignment", name: "RABBITMQ_DEFAULT_PASS", preview: "****" },
      { line: 2, kind: "connection-string-credentials", name: null, preview: "****" },
    ],
  },
  {
    name: "type checks, env fallbacks to dummies and placeholders stay as written",
    path: "src/client.ts",
    lines: [
      "if (typeof token === 'function') token = await token();",
      'const apiKey = process.env.API_KEY ?? "";',
      'const password = "changeme";',
    ],
    redacted: [
      "if (typeof token === 'function') token = await token();",
      'const apiKey = process.env.API_KEY ?? "";',
      'const password = "changeme";',
    ],
    candidates: [],
  },
  {
    name: "credentials passed to calls: only the secret argument is masked",
    path: "src/main/java/com/acme/DbConfig.java",
    lines: [
      '    ds.setUsername("orders");',
      '    ds.setPassword("pg-pass-42");',
      '    new PasswordAuthentication("smtp", "smtp-pass".toCharArray());',
    ],
    redacted: [
      '    ds.setUsername("orders");',
      '    ds.setPassword("****");',
      '    new PasswordAuthentication("smtp", "****".toCharArray());',
    ],
    candidates: [
      { line: 2, kind: "password-argument", name: "setPassword", preview: "****" },
      { line: 3, kind: "password-argument", name: "PasswordAuthentication", preview: "****" },
    ],
  },
];

describe("redactSecrets", () => {
  for (const c of cases) {
    it(c.name, () => {
      const out = redactSecrets({ path: c.path, lines: c.lines });
      assert.deepEqual(out.lines, c.redacted);
      assert.deepEqual(
        out.candidates,
        c.candidates.map((x) => ({ path: c.path, ...x })),
      );
    });
  }

  it("quoted YAML previews keep the file parseable (a bare `****` would be an alias)", async () => {
    const { parseDocument } = await import("yaml");
    const out = redactSecrets({ path: "values.yaml", lines: ["db:", "  password: hunter22", "  list: [a, {token: abcdef}]"] });
    const doc = parseDocument(out.lines.join("\n"));
    assert.deepEqual(doc.errors, []);
    assert.deepEqual(doc.toJS(), { db: { password: "****", list: ["a", { token: "****" }] } });
  });

  it("is idempotent: redacting redacted text finds nothing new and changes nothing", () => {
    for (const c of cases) {
      const again = redactSecrets({ path: c.path, lines: c.redacted });
      assert.deepEqual(again.lines, c.redacted, c.name);
      assert.deepEqual(
        again.candidates.filter((x) => x.kind !== "private-key"),
        [],
        c.name,
      );
    }
  });
});

// Linear time on hostile lines (issue #17: 450 KB of `password=` took 118 s): each shape below made a detector
// read the rest of the line again from every match, minutes on a megabyte when quadratic. The times are
// measured by `npm run bench:hostile`; here a generous timeout only catches a return to quadratic.
const GUARD = { timeout: 30_000 };
describe("redactSecrets: hostile megabyte lines finish and are redacted", () => {
  it("a 1 MB line of `password=` in a .env is redacted whole, one candidate", GUARD, () => {
    const { lines, candidates } = redactSecrets({ path: ".env", lines: [fillMegabyte("password=")] });
    assert.equal(lines[0], "password=pass****");
    assert.equal(candidates.length, 1);
  });
  for (const path of [".env", "k8s/app.yaml", "src/app.ts", "Dockerfile"]) {
    for (const [what, line] of HOSTILE_LINES) {
      it(`${path}: ${what}, 1 MB: every line comes back, no value longer than its preview`, GUARD, () => {
        const { lines, candidates } = redactSecrets({ path, lines: [line] });
        assert.equal(lines.length, 1);
        for (const c of candidates) assert.ok(c.preview.replace(/\*+$/, "").length <= 4, c.preview);
      });
    }
  }
});

// A file that is a dump of credentials, not configuration (issue #17: a 1 MB line of ~70,000 candidates took
// 0.2–0.5 s): past the cap the scan stops, and what it did not read is withheld rather than stored unjudged.
describe("redactSecrets: the per-file candidate cap", () => {
  const dump = "[" + fillMegabyte('{"password":"hunter22"},');
  it("stops at the cap: that many candidates, the line it stopped on and every later one withheld", () => {
    const { lines, candidates, withheldFrom } = redactSecrets({
      path: "a.json",
      lines: ['{"note": "x"}', dump, "more=1"],
      maxCandidates: 50,
    });
    assert.equal(candidates.length, 50);
    assert.ok(candidates.every((c) => c.line === 2 && c.name === "password"));
    assert.equal(withheldFrom, 2);
    assert.deepEqual(lines, ['{"note": "x"}', "", ""]);
    assert.ok(!lines.join("\n").includes("hunter22"));
  });
  it("a file within the cap is scanned whole, as without one", () => {
    const text = ['{"password":"hunter22"},', '{"token":"s3cr3t-v4lue"}'];
    const capped = redactSecrets({ path: "a.json", lines: text, maxCandidates: 2 });
    assert.deepEqual(capped, redactSecrets({ path: "a.json", lines: text }));
    assert.equal(capped.withheldFrom, undefined);
  });
  it("source code and .env lines stop at the cap too (assignments, calls)", () => {
    for (const [path, unit] of [
      ["src/app.ts", 'password = "hunter22"; '],
      ["src/App.java", 'ds.setPassword("hunter22"); '],
      [".env", "PASSWORD=hunter22 "],
    ] as const) {
      const { lines, candidates, withheldFrom } = redactSecrets({ path, lines: [unit.repeat(200)], maxCandidates: 10 });
      assert.equal(candidates.length, path === ".env" ? 1 : 10, path);
      assert.equal(withheldFrom, path === ".env" ? undefined : 1, path);
      assert.ok(!lines[0]!.includes("hunter22"), path);
    }
  });
});
