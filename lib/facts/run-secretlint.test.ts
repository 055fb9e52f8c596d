import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { lintSource } from "@secretlint/core";
import { creator } from "@secretlint/secretlint-rule-preset-recommend";
import { runSecretlint, SECRETLINT_RULE_OPTIONS, SECRETLINT_SKIPPED_RULES } from "@/lib/facts/run-secretlint";

// Fake credentials with the providers' real shapes, assembled at runtime so this file is no leak to scanners.
const fake = (n: number, alphabet = "aB3dE5gH7jK9mN1pQ2sT4vW6yZ8") =>
  Array.from({ length: n }, (_, i) => alphabet[(i * 7 + 3) % alphabet.length]).join("");

const cases: [name: string, path: string, text: string, messageIds: string[]][] = [
  ["GitHub classic token", "src/ci.ts", `const token = "ghp_${fake(36)}";`, ["GITHUB_TOKEN"]],
  ["GitHub fine-grained token", ".env", `GH=github_pat_${fake(82)}`, ["GITHUB_TOKEN"]],
  ["Slack bot token", "config.yaml", `slack: xoxb-1234567890-1234567890123-${fake(24)}`, ["SLACK_TOKEN"]],
  [
    "Slack webhook",
    "alerts.yaml",
    `url: https://hooks.slack.com/services/T${fake(8).toUpperCase()}/B${fake(8).toUpperCase()}/${fake(24)}`,
    ["IncomingWebhook"],
  ],
  ["Stripe live key", "billing.js", `stripe("sk_live_${fake(24)}")`, ["STRIPE_SECRET_KEY_LIVE"]],
  ["OpenAI project key", ".env", `OPENAI_API_KEY=sk-proj-${fake(74)}T3BlbkFJ${fake(74)}`, ["OPENAI_TOKEN"]],
  ["Anthropic key", "llm.py", `client = Anthropic(api_key="sk-ant-api03-${fake(95)}AA")`, ["ANTHROPIC_API_KEY"]],
  ["npm token", ".npmrc", `//registry.npmjs.org/:_authToken=npm_${fake(36)}`, ["NPM_ACCESS_TOKEN", "Npmrc_authToken"]],
  ["AWS secret access key", "aws.ini", `aws_secret_access_key = ${fake(40, "AbCdEf0123456789GhIjKl/+")}`, ["AWSSecretAccessKey"]],
  ["AWS access key ID (identifier)", ".env", `AWS_ACCESS_KEY_ID=AKIA${fake(16, "QWERTYUIOPASDFGH2345")}`, ["AWSAccessKeyID"]],
  [
    "PostgreSQL URL with credentials",
    ".env",
    `DATABASE_URL=postgres://orders:${fake(14)}@db.internal:5432/orders`,
    ["PostgreSQLConnection"],
  ],
  ["basic auth in a URL", "deploy.sh", `git clone https://deploy:${fake(14)}@git.acme-corp.io/repo.git`, ["BasicAuth"]],
  // secretlint's own allow-list: the keys its documentation (and AWS's) uses as examples.
  [
    "AWS documented example keys",
    ".env",
    "AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
    [],
  ],
  ["example database URL", ".env", "DATABASE_URL=postgres://user:password@localhost:5432/db", []],
  ["ordinary code", "src/app.ts", "const token = req.headers.authorization;\nif (!password) throw new Error('password required');", []],
  // An audit reports what is committed: a disable comment does not hide a token (nor keep it from redaction).
  ["secretlint-disable comment", "src/ci.ts", `const token = "ghp_${fake(36)}"; // secretlint-disable-line`, ["GITHUB_TOKEN"]],
];

const config = {
  rules: [
    {
      id: creator.meta.id,
      rule: creator,
      rules: [
        ...Object.entries(SECRETLINT_RULE_OPTIONS).map(([id, options]) => ({ id, options })),
        ...[...SECRETLINT_SKIPPED_RULES].map((id) => ({ id, disabled: true })),
      ],
    },
  ],
};

describe("runSecretlint: secretlint's recommended preset, run synchronously", () => {
  for (const [name, path, text, messageIds] of cases) {
    it(name, async () => {
      const ours = runSecretlint({ path, text });
      assert.deepEqual(ours.map((m) => m.messageId).sort(), [...messageIds].sort());
      // The same answer as secretlint's own (async) entry point with the same configuration.
      const ext = /\.[^./]+$/.exec(path.slice(path.lastIndexOf("/") + 1))?.[0] ?? "";
      const theirs = await lintSource({
        source: { filePath: path, content: text, contentType: "text", ext },
        options: { config, noPhysicFilePath: true },
      });
      assert.deepEqual(
        ours.map((m) => [m.ruleId, m.messageId, ...m.range]),
        theirs.messages.map((m) => [m.ruleId, m.messageId, ...m.range]),
      );
    });
  }

  it("keeps no message text: a message would spell the secret out", () => {
    const token = `ghp_${fake(36)}`;
    const [message] = runSecretlint({ path: "a.ts", text: `x = "${token}"` });
    assert.ok(message);
    assert.ok(!JSON.stringify({ ...message, values: [] }).includes(token));
  });
});
