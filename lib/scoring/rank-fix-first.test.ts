import { test } from "node:test";
import assert from "node:assert/strict";
import { rankFailingRules, rankFixFirst } from "@/lib/scoring/rank-fix-first";

test("a cheap check failing in many services outranks a costly one failing in one", () => {
  const ranked = rankFixFirst({
    failing: [
      { ruleId: "readsPortFromEnv", factor: "port-binding", weight: 3, effort: "low", service: "a" },
      { ruleId: "readsPortFromEnv", factor: "port-binding", weight: 3, effort: "low", service: "b" },
      { ruleId: "runsAsNonRoot", factor: "auth", weight: 5, effort: "high", service: "a" },
      { ruleId: "logsToStdout", factor: "logs", weight: 4, effort: "medium", service: "c" },
    ],
  });
  assert.deepEqual(
    ranked.map((r) => [r.ruleId, r.priority]),
    [
      ["readsPortFromEnv", 6],
      ["logsToStdout", 2],
      ["runsAsNonRoot", 1.25],
    ],
  );
  assert.deepEqual(ranked[0]?.services, ["a", "b"]);
  assert.equal(ranked[0]?.serviceCount, 2);
});

test("the same service failing a check twice counts once, and the limit cuts the list", () => {
  const ranked = rankFixFirst({
    failing: [
      { ruleId: "x", factor: "logs", weight: 2, effort: "low", service: "a" },
      { ruleId: "x", factor: "logs", weight: 2, effort: "low", service: "a" },
      { ruleId: "y", factor: "logs", weight: 1, effort: "low", service: "a" },
    ],
    limit: 1,
  });
  assert.equal(ranked.length, 1);
  assert.deepEqual(ranked[0]?.services, ["a"]);
  assert.equal(ranked[0]?.priority, 2);
});

test("rules grouped elsewhere rank by their service count, not by how many names came with them", () => {
  const ranked = rankFailingRules({
    rules: [
      { ruleId: "logsToStdout", factor: "logs", weight: 4, effort: "medium", serviceCount: 120, services: ["b", "a"] },
      { ruleId: "readsPortFromEnv", factor: "port-binding", weight: 3, effort: "low", serviceCount: 50, services: ["c"] },
      { ruleId: "runsAsNonRoot", factor: "auth", weight: 5, effort: "high", serviceCount: 10, services: ["d"] },
    ],
  });
  assert.deepEqual(
    ranked.map((r) => [r.ruleId, r.priority]),
    [
      ["logsToStdout", 240],
      ["readsPortFromEnv", 150],
      ["runsAsNonRoot", 12.5],
    ],
  );
  assert.deepEqual(ranked[0]?.services, ["a", "b"], "names sorted for reading");
  assert.equal(ranked[0]?.serviceCount, 120);
});
