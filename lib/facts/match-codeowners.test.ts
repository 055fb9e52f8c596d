import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { matchCodeowners } from "@/lib/facts/match-codeowners";

const FILE = `# Default owners
*                       @acme/platform
/services/payments/     @acme/payments @alice  # money
services/search/**      @acme/search
/services/*             @acme/only-direct-files
*.js                    @acme/frontend
/services/legacy/
apps/                   @acme/apps
`;

const cases: [dir: string, owners: string[]][] = [
  [".", ["@acme/platform"]],
  ["services/payments", ["@acme/payments", "@alice"]],
  ["services/payments/worker", ["@acme/payments", "@alice"]],
  ["services/search", ["@acme/search"]],
  // `/services/*` owns files directly in services/, not a service directory below it.
  ["services/cart", ["@acme/platform"]],
  // A pattern with no owners clears ownership.
  ["services/legacy", []],
  // Unanchored directory patterns match at any depth.
  ["monorepo/apps/web", ["@acme/apps"]],
];

describe("matchCodeowners", () => {
  for (const [dir, owners] of cases) {
    it(`${dir} → ${owners.join(" ") || "(none)"}`, () => assert.deepEqual(matchCodeowners({ text: FILE, dir }), owners));
  }
  it("no matching line → no owners", () => assert.deepEqual(matchCodeowners({ text: "/other/ @x\n", dir: "svc" }), []));
});
