import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { before, test } from "node:test";
import { fileURLToPath } from "node:url";
import { emptyFacts } from "@/test/support/empty-facts";
import { scanLocalDirectory } from "@/lib/pipeline/scan-local-directory";
import { evaluateRepository } from "@/lib/pipeline/evaluate-repository";
import type { ScanOutcome } from "@/lib/pipeline/types";
import { InvalidScoringConfigError } from "@/lib/scoring/parse-scoring-config";
import { FLEET_SERVICE_COUNT } from "@/test/support/fleet";
import { writeTestTree } from "@/test/support/write-test-tree";

const fleet = fileURLToPath(new URL("../../examples/fleet", import.meta.url));
let outcome: ScanOutcome;
before(async () => {
  outcome = await scanLocalDirectory({ root: fleet });
});

// Two repositories of the fleet have a catalog-api: the one named here is the shop monorepo's.
const PATHS: Record<string, string> = { "catalog-api": "shop-monorepo/services/catalog-api" };

function service(name: string) {
  const found = outcome.services.find((s) => (PATHS[name] ? s.path === PATHS[name] : s.name === name));
  assert.ok(found, `${name} was not scanned`);
  return found;
}

test("[FLEET] every service is scored, none fails", () => {
  assert.deepEqual(outcome.failures, []);
  assert.equal(outcome.services.length, FLEET_SERVICE_COUNT);
  for (const s of outcome.services) {
    assert.equal(typeof s.score, "number", s.name);
    assert.equal(s.factors.length, 15);
    assert.deepEqual(
      s.findings.filter((f) => f.outcome === "error").map((f) => f.message),
      [],
      s.name,
    );
  }
});

// Intended grades from each service's README: exemplary ones must grade A/B, poor ones D/F.
for (const name of ["payments-api", "notifications", "identity-service", "catalog-api"]) {
  test(`[FLEET] exemplary ${name} grades A or B`, () => assert.match(service(name).grade, /^[AB]$/));
}
for (const name of ["report-generator", "legacy-billing", "admin-portal", "order-worker"]) {
  test(`[FLEET] poor ${name} grades D or F`, () => assert.match(service(name).grade, /^[DF]$/));
}

// Violations the READMEs name, with the file and line they name.
const violations: [service: string, ruleId: string, path: string, line: number][] = [
  ["admin-portal", "readsPortFromEnv", "admin-portal/server.js", 45],
  ["checkout-web", "noCommittedEnvFiles", "checkout-web/.env.production", 2],
  ["checkout-web", "backingServicesAttachedByUrl", "checkout-web/lib/redis.ts", 4],
  ["inventory-sync", "execFormEntrypoint", "inventory-sync/Dockerfile", 12],
  ["inventory-sync", "scalesByReplicas", "inventory-sync/k8s/deployment.yaml", 7],
  ["ml-scoring", "logsToStdout", "ml-scoring/app/logging_config.py", 9],
  ["legacy-billing", "baseImagePinned", "legacy-billing/Dockerfile", 1],
  ["report-generator", "readsPortFromEnv", "report-generator/app.py", 45],
  ["cart-api", "noInMemorySessions", "shop-monorepo/services/cart-api/src/carts.ts", 8],
  ["cart-api", "devBackingServicesMatchProd", "shop-monorepo/services/cart-api/docker-compose.yml", 13],
  ["order-worker", "backingServicesAttachedByUrl", "shop-monorepo/services/order-worker/src/queue.ts", 4],
];
for (const [name, ruleId, path, line] of violations) {
  test(`[FLEET] ${name}: ${ruleId} fails at ${path}:${line}`, () => {
    const finding = service(name).findings.find((f) => f.ruleId === ruleId);
    assert.equal(finding?.outcome, "fail", finding?.message);
    assert.ok(
      finding.evidence.some((e) => e.type === "repo" && e.path === path && e.lineStart === line),
      JSON.stringify(finding.evidence),
    );
  });
}

test("[FLEET] scanner traps produce no findings: tests, docs, comments, templates", () => {
  for (const s of outcome.services) {
    for (const f of s.findings) {
      for (const e of f.evidence) {
        if (f.outcome === "fail" && e.type === "repo")
          assert.doesNotMatch(e.path, /\/(test|tests|docs)\/|\.env\.example$/, `${s.name} ${f.ruleId}`);
      }
    }
  }
  assert.equal(service("notifications").findings.find((f) => f.ruleId === "backingServicesAttachedByUrl")?.outcome, "pass");
  assert.equal(service("payments-api").findings.find((f) => f.ruleId === "noCommittedEnvFiles")?.outcome, "pass");
});

test("a target the collector could not read becomes a failure; the others are scored", () => {
  const result = evaluateRepository({
    targets: [
      { key: "a", name: "a", path: "a", error: "permission denied reading a" },
      { key: "b", name: "b", path: "b", facts: emptyFacts() },
    ],
  });
  assert.deepEqual(result.failures, [{ key: "a", name: "a", path: "a", error: "permission denied reading a" }]);
  assert.deepEqual(
    result.services.map((s) => s.name),
    ["b"],
  );
});

test("a dozen.yaml at the root re-weights rules; an invalid one fails the scan", async () => {
  const root = mkdtempSync(join(tmpdir(), "dozen-scan-"));
  try {
    writeFileSync(join(root, "package.json"), '{ "name": "tiny" }\n');
    writeFileSync(join(root, "server.js"), 'require("node:http").createServer().listen(8080);\n');
    writeFileSync(join(root, "dozen.yaml"), "rules:\n  readsPortFromEnv: { weight: 0 }\n  logsToStdout: { enabled: false }\n");
    const scanned = await scanLocalDirectory({ root });
    const findings = scanned.services[0]?.findings ?? [];
    assert.equal(findings.find((f) => f.ruleId === "readsPortFromEnv")?.weight, 0);
    assert.equal(
      findings.find((f) => f.ruleId === "logsToStdout"),
      undefined,
    );
    writeFileSync(join(root, "dozen.yaml"), "rules:\n  noSuchRule: { weight: 1 }\n");
    await assert.rejects(scanLocalDirectory({ root }), InvalidScoringConfigError);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("a Deployment of an image nothing builds joins no service and comes back as unmatched, with its file and line", async () => {
  const deployment = (name: string, image: string) =>
    `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\nspec:\n  template:\n    spec:\n      containers:\n        - name: ${name}\n          image: ${image}\n`;
  const root = await writeTestTree({
    files: {
      "api/Dockerfile": 'FROM node:20\nCOPY . .\nCMD ["node", "server.js"]\n',
      "api/server.js": "require('node:http').createServer().listen(process.env.PORT);\n",
      "deploy/api.yaml": deployment("api", "acme/api:1.0.0"),
      "deploy/ghost.yaml": `# built by another team\n---\n${deployment("ghost", "acme/ghost:2.1.0")}`,
    },
  });
  try {
    const scanned = await scanLocalDirectory({ root });
    assert.deepEqual(
      scanned.services.map((s) => [s.path, s.facts.deployedBy.map((d) => d.object)]),
      [["api", ["Deployment/api"]]],
    );
    assert.deepEqual(scanned.unmatched, [
      { descriptor: "kubernetes", kind: "Deployment", name: "ghost", path: "deploy/ghost.yaml", line: 3 },
    ]);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
