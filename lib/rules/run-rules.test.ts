import assert from "node:assert/strict";
import { test } from "node:test";
import { emptyFacts } from "@/test/support/empty-facts";
import { RULES } from "@/lib/rules/registry";
import { runRules } from "@/lib/rules/run-rules";
import type { RuleDefinition } from "@/lib/rules/types";

const base: Omit<RuleDefinition, "id" | "evaluate"> = {
  version: 2, factor: "logs", title: "t", rationale: "r", appliesTo: ["repo"], effort: "low", defaultWeight: 3,
};
const passing: RuleDefinition = { ...base, id: "alwaysPasses", evaluate: () => ({ outcome: "pass", message: "ok", evidence: [] }) };
const throwing: RuleDefinition = { ...base, id: "alwaysThrows", evaluate: () => { throw new Error("boom"); } };
const malformed: RuleDefinition = { ...base, id: "returnsJunk", evaluate: () => ({ outcome: "maybe" }) as never };

test("a throwing or malformed rule becomes an error finding; the others still run", () => {
  const findings = runRules({ facts: emptyFacts(), rules: [throwing, passing, malformed] });
  assert.deepEqual(findings.map((f) => [f.ruleId, f.outcome]), [["alwaysThrows", "error"], ["alwaysPasses", "pass"], ["returnsJunk", "error"]]);
  assert.match(findings[0]?.message ?? "", /boom/);
  assert.deepEqual({ ...findings[1], evaluate: undefined }, {
    ruleId: "alwaysPasses", ruleVersion: 2, factor: "logs", title: "t", effort: "low", weight: 3,
    outcome: "pass", message: "ok", evidence: [], evaluate: undefined,
  });
});

test("config re-weights and disables rules", () => {
  const findings = runRules({
    facts: emptyFacts(),
    rules: [passing, throwing],
    config: { rules: { alwaysPasses: { weight: 9 }, alwaysThrows: { enabled: false } } },
  });
  assert.deepEqual(findings.map((f) => [f.ruleId, f.weight]), [["alwaysPasses", 9]]);
});

test("the real catalogue is deterministic and never errors on empty facts", () => {
  const first = runRules({ facts: emptyFacts() });
  assert.equal(first.length, RULES.length);
  assert.deepEqual(first.filter((f) => f.outcome === "error"), []);
  assert.deepEqual(runRules({ facts: emptyFacts() }), first);
});
