import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import { scanLocalDirectory } from "@/lib/pipeline/scan-local-directory";
import type { ScanOutcome } from "@/lib/pipeline/types";
import { FLEET_EXPECTED, FLEET_ROOT } from "@/test/support/fleet";

/**
 * The demo fleet's services and findings, asserted exactly: examples/fleet/expected-findings.json lists, per
 * service path, its name, kind, grade, the deploy declarations joined to it (with the link that joined them),
 * and every failing check with where its first evidence points. A new rule (or a changed one, or a change in
 * discovery) that adds or removes a service, a join or a fail anywhere in the fleet breaks this test until the
 * list, and the repository's README, say why.
 */
const expected = FLEET_EXPECTED;

let outcome: ScanOutcome;
before(async () => {
  outcome = await scanLocalDirectory({ root: FLEET_ROOT });
});

test("[FLEET] the expected list names exactly the scanned services, by path and name", () => {
  assert.deepEqual(outcome.failures, []);
  assert.deepEqual(
    outcome.services.map((s) => `${s.path} ${s.name}`).sort(),
    Object.entries(expected.services)
      .map(([path, s]) => `${path} ${s.name}`)
      .sort(),
  );
});

describe("[FLEET] kinds and joins", () => {
  for (const [path, want] of Object.entries(expected.services)) {
    test(`${path}: a ${want.kind}, deployed by ${want.deployedBy.length || "nothing in the repository"}`, () => {
      const service = outcome.services.find((s) => s.path === path);
      assert.ok(service, `${path} was not scanned`);
      assert.equal(service.kind, want.kind);
      const joins = [...new Set(service.facts.deployedBy.map((d) => `${d.object} @ ${d.path} (${d.link})`))].sort();
      assert.deepEqual(joins, [...want.deployedBy].sort());
    });
  }
});

describe("[FLEET] exact findings", () => {
  for (const [path, want] of Object.entries(expected.services)) {
    test(`${path}: grade ${want.grade}, exactly ${Object.keys(want.fails).length} failing checks at their documented lines`, () => {
      const service = outcome.services.find((s) => s.path === path);
      assert.ok(service, `${path} was not scanned`);
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
