import assert from "node:assert/strict";
import { rmSync } from "node:fs";
import { after, before, test } from "node:test";
import { collectServiceFacts } from "@/lib/collectors/local/collect-service-facts";
import { writeTestTree } from "@/test/support/write-test-tree";
import { buildCustomRules } from "@/lib/rules/custom/build-custom-rules";
import { customCheckSchema } from "@/lib/rules/custom/custom-check-schema";
import { globToRegExp } from "@/lib/rules/custom/match-glob";
import { runRules } from "@/lib/rules/run-rules";
import type { Outcome } from "@/lib/rules/types";
import type { ServiceFacts } from "@/lib/facts/types";

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
  labels: { team: payments }
spec:
  template:
    spec:
      containers:
        - name: api
          image: ghcr.io/acme/api:1.2.0
        - name: sidecar
          image: envoyproxy/envoy:latest
`;

let root: string;
let facts: ServiceFacts;
before(async () => {
  root = await writeTestTree({
    files: {
      "server.js":
        '// eval("legacy") was removed\nconst http = require("node:http");\nhttp.createServer().listen(Number(process.env.PORT));\n',
      "src/legacy.js": "module.exports = (code) => eval(code);\n",
      "test/legacy.test.js": 'eval("1 + 1");\n',
      "config/.env.local": "TOKEN=\n",
      "docs/runbook.md": "# Runbook\n",
      "k8s/deployment.yaml": DEPLOYMENT,
    },
  });
  facts = await collectServiceFacts({ root, service: { name: "api", path: ".", owners: [] } });
});
after(() => rmSync(root, { recursive: true, force: true }));

const guide = "## Why it matters\nBecause.\n";
const cases: [name: string, check: Record<string, unknown>, outcome: Outcome, evidence?: string][] = [
  ["fileExists finds docs (docs count for existence)", { kind: "fileExists", glob: "docs/runbook.md" }, "pass"],
  ["fileExists fails when nothing matches", { kind: "fileExists", glob: "{openapi,swagger}.{yaml,json}" }, "fail", ".:1"],
  ["fileAbsent fails on a file at any depth", { kind: "fileAbsent", glob: ".env*" }, "fail", "config/.env.local:1"],
  ["fileAbsent passes when nothing matches", { kind: "fileAbsent", glob: "*.pem" }, "pass"],
  [
    "fileMatches passes when every matching file has the pattern",
    { kind: "fileMatches", glob: "server.js", pattern: "process\\.env\\.PORT" },
    "pass",
  ],
  ["fileMatches fails on a file without it", { kind: "fileMatches", glob: "**/*.js", pattern: "process\\.env" }, "fail", "src/legacy.js:1"],
  ["fileMatches is notApplicable without matching files", { kind: "fileMatches", glob: "**/*.py", pattern: "x" }, "notApplicable"],
  [
    "fileNotMatches ignores comments and tests, finds code",
    { kind: "fileNotMatches", glob: "**/*.js", pattern: "\\beval\\(" },
    "fail",
    "src/legacy.js:1",
  ],
  ["fileNotMatches passes when only a comment has it", { kind: "fileNotMatches", glob: "server.js", pattern: "\\beval\\(" }, "pass"],
  [
    "manifestField fails on one bad list element",
    { kind: "manifestField", manifestKind: "Deployment", path: "spec.template.spec.containers[].image", pattern: ":\\d+\\.\\d+\\.\\d+$" },
    "fail",
    "k8s/deployment.yaml:13",
  ],
  [
    "manifestField passes on a matching label",
    { kind: "manifestField", manifestKind: "Deployment", path: "metadata.labels.team", pattern: "^[a-z-]+$" },
    "pass",
  ],
  [
    "manifestField fails on a missing field",
    { kind: "manifestField", manifestKind: "Deployment", path: "metadata.labels.owner", pattern: "." },
    "fail",
    "k8s/deployment.yaml:1",
  ],
  [
    "manifestField is notApplicable without that kind",
    { kind: "manifestField", manifestKind: "CronJob", path: "spec.schedule", pattern: "." },
    "notApplicable",
  ],
];

for (const [name, fields, outcome, where] of cases) {
  test(`custom check: ${name}`, () => {
    const check = customCheckSchema.parse({ id: "customCheck", factor: "config", title: name, guide, ...fields });
    const findings = runRules({ subject: { kind: "repository", facts }, rules: buildCustomRules({ checks: [check] }) });
    assert.equal(findings.length, 1);
    const [finding] = findings;
    assert.equal(finding?.outcome, outcome, finding?.message);
    assert.equal(finding?.weight, 3);
    if (where) {
      const locations = finding?.evidence.map((e) => (e.type === "repo" ? `${e.path}:${e.lineStart}` : "")) ?? [];
      assert.deepEqual(locations, [where]);
    }
  });
}

test("globs: ** spans directories, * stays in a name, a bare name matches at any depth, commas outside braces are literal", () => {
  assert.ok(globToRegExp("**/*.ts").test("src/a/b.ts"));
  assert.ok(globToRegExp("**/*.ts").test("b.ts"));
  assert.ok(!globToRegExp("src/*.ts").test("src/a/b.ts"));
  assert.ok(globToRegExp("Dockerfile").test("build/Dockerfile"));
  assert.ok(globToRegExp("a,b.txt").test("a,b.txt"));
  assert.ok(!globToRegExp("*.{yaml,yml}").test("x.json"));
});
