import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { findSecrets } from "@/lib/facts/find-secrets";

// Real shapes, assembled at runtime so this file does not trip secret scanners itself.
const cases: [kind: string, value: string][] = [
  ["aws-access-key", "AKIA" + "IOSFODNN7EXAMPLE"],
  ["github-token", "ghp_" + "abcdefghijklmnopqrstuvwxyz0123456789"],
  ["github-token", "github_pat_" + "11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz"],
  ["slack-token", "xoxb-" + "1234567890-abcdefghij"],
  ["slack-webhook", "https://hooks.slack.com/services/" + "T0000/B0000/XXXXXXXXXXXXXXXX"],
  ["stripe-key", "sk_test_" + "4eC39HqLyjWDarjtT1zdp7dc"],
  ["google-api-key", "AIza" + "SyA1234567890abcdefghijklmnopqrstuv"],
  ["jwt", "eyJhbGciOiJIUzI1NiJ9" + ".eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozenfakesignature"],
];

describe("findSecrets: token shapes are found anywhere, even in prose or comments", () => {
  for (const [kind, value] of cases) {
    it(kind, () => {
      const line = `// see ${value} here`;
      const hits = findSecrets({ path: "src/notes.ts", lines: ["ok", line] });
      assert.deepEqual(
        hits.map((h) => [h.kind, h.line, line.slice(h.start, h.end)]),
        [[kind, 2, value]],
      );
    });
  }

  it("reports nothing for ordinary code", () => {
    const lines = [
      "const token = req.headers.authorization;",
      "if (!password) throw new Error('password required');",
      "url: https://example.com/a:b@c",
    ];
    assert.deepEqual(findSecrets({ path: "src/auth.ts", lines }), []);
  });
});
