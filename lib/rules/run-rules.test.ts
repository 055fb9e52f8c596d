import assert from "node:assert/strict";
import { test } from "node:test";
import { emptyFacts } from "@/test/support/empty-facts";
import { parseDockerfile } from "@/lib/facts/parse-dockerfile";
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
    throw new Error("boom: DATABASE_URL=postgres://admin:hunter2@db");
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
  // Stored and shown: the rule and the exception's class, never its text (it may quote the facts).
  assert.equal(findings[0]?.message, "Rule alwaysThrows failed (Error)");
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

test("a check about other kinds of service is not applicable to a load generator, saying why", () => {
  const telemetry: RepositoryCheck = {
    ...base,
    id: "serversOnly",
    kinds: ["http", "grpc"],
    evaluate: () => ({ outcome: "fail", message: "no metrics", evidence: [] }),
  };
  const k6 = emptyFacts({
    dockerfiles: [parseDockerfile({ path: "Dockerfile", lines: ["FROM grafana/k6:0.52.0", "COPY script.js /scripts/"] }).dockerfile],
  });
  const [finding] = runRules({ subject: { kind: "repository", facts: k6 }, rules: [telemetry] });
  assert.equal(finding?.outcome, "notApplicable");
  assert.match(finding?.message ?? "", /tool/);
  const [server] = runRules({ subject: { kind: "repository", facts: emptyFacts() }, rules: [telemetry] });
  assert.equal(server?.outcome, "fail", "an HTTP service is still judged");
});

test("a verdict resting on an unresolved Helm value is not available, and never shows the placeholder", () => {
  const tags: RepositoryCheck = {
    ...base,
    id: "judgesTags",
    evaluate: () => ({ outcome: "fail", message: "Moving tag: ghcr.io/acme/api:__dozen_unresolved__", evidence: [] }),
  };
  const [finding] = runRules({ subject: { kind: "repository", facts: emptyFacts() }, rules: [tags] });
  assert.equal(finding?.outcome, "notAvailable");
  assert.doesNotMatch(finding?.message ?? "", /__dozen_unresolved__/);
  assert.match(finding?.message ?? "", /Helm value/);
});
