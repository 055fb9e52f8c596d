import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { before, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { scanLocalDirectory } from "@/lib/pipeline/scan-local-directory";
import type { ScanOutcome } from "@/lib/pipeline/types";

/**
 * The demo fleet's findings, asserted exactly: examples/fleet/expected-findings.json lists, per service, its grade
 * and every failing check with where its first evidence points. A new rule (or a changed one) that adds or removes
 * a fail anywhere in the fleet breaks this test until the list, and the service's README, say why.
 */
const fleet = fileURLToPath(new URL("../../examples/fleet", import.meta.url));
const expected = JSON.parse(readFileSync(`${fleet}/expected-findings.json`, "utf8")) as {
  services: Record<string, { path: string; grade: string; fails: Record<string, string> }>;
};

let outcome: ScanOutcome;
before(async () => {
  outcome = await scanLocalDirectory({ root: fleet });
});

test("[FLEET] the expected list names exactly the scanned services", () => {
  assert.deepEqual(outcome.failures, []);
  assert.deepEqual(outcome.services.map((s) => s.name).sort(), Object.keys(expected.services).sort());
});

describe("[FLEET] exact findings", () => {
  for (const [name, want] of Object.entries(expected.services)) {
    test(`${name}: grade ${want.grade}, exactly ${Object.keys(want.fails).length} failing checks at their documented lines`, () => {
      const service = outcome.services.find((s) => s.name === name);
      assert.ok(service, `${name} was not scanned`);
      assert.equal(service.path, want.path);
      const fails = service.findings.filter((f) => f.outcome === "fail");
      const got = fails.map((f) => f.ruleId).sort();
      const wanted = Object.keys(want.fails).sort();
      assert.deepEqual(
        { unexpected: got.filter((id) => !wanted.includes(id)), missing: wanted.filter((id) => !got.includes(id)) },
        { unexpected: [], missing: [] },
      );
      for (const finding of fails) {
        const locations = finding.evidence.map((e) => (e.type === "repo" ? `${e.path}:${e.lineStart}` : ""));
        assert.ok(
          locations.includes(want.fails[finding.ruleId] ?? ""),
          `${finding.ruleId}: ${want.fails[finding.ruleId]} not in ${locations.join(", ")}`,
        );
      }
      assert.equal(service.grade, want.grade, `score ${service.score}`);
      assert.deepEqual(
        service.findings.filter((f) => f.outcome === "error").map((f) => f.message),
        [],
      );
    });
  }
});
