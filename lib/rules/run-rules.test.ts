import assert from "node:assert/strict";
import { test } from "node:test";
import { emptyFacts } from "@/test/support/empty-facts";
import { RULES } from "@/lib/rules/registry";
import { runRules } from "@/lib/rules/run-rules";
import type { RepositoryCheck } from "@/lib/rules/types";
import { resolveWeights } from "@/lib/scoring/default-weights";

const base: Omit<RepositoryCheck, "id" | "evaluate"> = {
  version: 2,
  factor: "logs",
  title: "t",
  rationale: "r",
  judges: "repository",
  effort: "low",
  defaultWeight: 3,
};
const passing: RepositoryCheck = { ...base, id: "alwaysPasses", evaluate: () => ({ outcome: "pass", message: "ok", evidence: [] }) };
const throwing: RepositoryCheck = {
  ...base,
  id: "alwaysThrows",
  evaluate: () => {
    throw new Error("boom");
  },
};
const malformed: RepositoryCheck = { ...base, id: "returnsJunk", evaluate: () => ({ outcome: "maybe" }) as never };

test("a throwing or malformed rule becomes an error finding; the others still run", () => {
  const findings = runRules({ subject: { kind: "repository", facts: emptyFacts() }, rules: [throwing, passing, malformed] });
  assert.deepEqual(
    findings.map((f) => [f.ruleId, f.outcome]),
    [
      ["alwaysThrows", "error"],
      ["alwaysPasses", "pass"],
      ["returnsJunk", "error"],
    ],
  );
  assert.match(findings[0]?.message ?? "", /boom/);
  assert.deepEqual(
    { ...findings[1], evaluate: undefined },
    {
      ruleId: "alwaysPasses",
      ruleVersion: 2,
      factor: "logs",
      title: "t",
      effort: "low",
      weight: 3,
      outcome: "pass",
      message: "ok",
      evidence: [],
      evaluate: undefined,
    },
  );
});

test("config re-weights and disables rules", () => {
  const rules = [passing, throwing];
  const findings = runRules({
    subject: { kind: "repository", facts: emptyFacts() },
    rules,
    settings: resolveWeights({ rules, config: { rules: { alwaysPasses: { weight: 9 }, alwaysThrows: { enabled: false } } } }),
  });
  assert.deepEqual(
    findings.map((f) => [f.ruleId, f.weight]),
    [["alwaysPasses", 9]],
  );
});

test("the real catalogue is deterministic and never errors on empty facts", () => {
  const first = runRules({ subject: { kind: "repository", facts: emptyFacts() } });
  assert.equal(first.length, RULES.length);
  assert.deepEqual(
    first.filter((f) => f.outcome === "error"),
    [],
  );
  assert.deepEqual(runRules({ subject: { kind: "repository", facts: emptyFacts() } }), first);
});
