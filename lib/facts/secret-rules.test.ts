import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { literalPart, looksSecretName } from "@/lib/facts/secret-rules";

describe("looksSecretName", () => {
  const cases: [name: string, secret: boolean][] = [
    ["password", true],
    ["DB_PASSWORD", true],
    ["dbPassword", true],
    ["db.password", true],
    ["SMTP_PASS", true],
    ["api_key", true],
    ["apiKey", true],
    ["APIKEY", true],
    ["client_secret", true],
    ["GITHUB_TOKEN", true],
    ["aws_secret_access_key", true],
    ["private_key", true],
    ["SECRET_KEY_BASE", true],
    // The secret word must be last: these describe a secret, they do not hold one.
    ["token_ttl", false],
    ["password_min_length", false],
    ["secretKeyRef", false],
    ["SECRET_NAME", false],
    ["bypass", false],
    ["tokenizer", false],
    ["username", false],
    // GitHub Actions' OIDC permission, paging cursors, .NET's CancellationToken: no credential.
    ["id-token", false],
    ["next_page_token", false],
    ["cancellationToken", false],
  ];
  for (const [name, secret] of cases) it(`${name} → ${secret}`, () => assert.equal(looksSecretName(name), secret));
});

describe("literalPart", () => {
  const cases: [value: string, literal: { offset: number; length: number } | null][] = [
    ["hunter2", { offset: 0, length: 7 }],
    ["${DB_PASSWORD}", null],
    ["$DB_PASSWORD", null],
    ["${DB_PASSWORD:-s3cret}", { offset: 15, length: 6 }],
    ["${DB_PASSWORD:s3cret}", { offset: 14, length: 6 }],
    ["${DB_PASSWORD:-}", null],
    ["{{ .Values.db.password }}", null],
    ["process.env.DB_PASSWORD", null],
    ['os.environ["X"]', null],
    ["<your-password>", null],
    ["changeme", null],
    ["your-api-key", null],
    ["xxxxxxxx", null],
    ["sk_l****", null],
    ["", null],
    // A weak value is a credential when it is what runs...
    ["password", { offset: 0, length: 8 }],
    ["guest", { offset: 0, length: 5 }],
    // ...a stand-in when the environment overrides it.
    ["${RABBIT_PASSWORD:guest}", null],
    ["${OPENAI_API_KEY:demo}", null],
    ["${API_KEY:-sk-dummy}", null],
    // Format placeholders are filled in at run time.
    ["%s", null],
    ["{}", null],
    ["%(password)s", null],
  ];
  for (const [value, literal] of cases) it(`${JSON.stringify(value)}`, () => assert.deepEqual(literalPart(value), literal));

  it("a field default the environment overrides: weak values are stand-ins, real-looking ones are not", () => {
    assert.equal(literalPart("guest", { fallback: true }), null);
    assert.equal(literalPart("dev-secret", { fallback: true }), null);
    assert.deepEqual(literalPart("k-9f8e7d6c", { fallback: true }), { offset: 0, length: 10 });
  });
});
