import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { describeGoal, goalFactorIndex, judgeGoal, type GoalView } from "@/lib/initiatives/judge-goal";
import { createInitiativeInput, goalSchema, type Goal } from "@/lib/initiatives/initiative-input";

const view = (over: Partial<GoalView>): GoalView => ({ score: 75, grade: "C", factor: null, check: null, ...over });

describe("judgeGoal", () => {
  const cases: { name: string; goal: Goal; view: GoalView; status: string; value: number | null }[] = [
    {
      name: "a passing check meets a check goal",
      goal: { kind: "check", checkId: "handlesSigterm" },
      view: view({ check: "pass" }),
      status: "met",
      value: null,
    },
    {
      name: "a failing check does not",
      goal: { kind: "check", checkId: "handlesSigterm" },
      view: view({ check: "fail" }),
      status: "unmet",
      value: null,
    },
    {
      name: "a check not judged on the service is no part of it",
      goal: { kind: "check", checkId: "handlesSigterm" },
      view: view({}),
      status: "notApplicable",
      value: null,
    },
    {
      name: "a factor at the minimum meets it",
      goal: { kind: "factor", factor: "disposability", min: 80 },
      view: view({ factor: 80 }),
      status: "met",
      value: 80,
    },
    {
      name: "a factor below the minimum does not",
      goal: { kind: "factor", factor: "disposability", min: 80 },
      view: view({ factor: 79.9 }),
      status: "unmet",
      value: 79.9,
    },
    {
      name: "a factor no check applied to is not judged",
      goal: { kind: "factor", factor: "disposability", min: 80 },
      view: view({ factor: null }),
      status: "notApplicable",
      value: null,
    },
    { name: "a score at the minimum meets it", goal: { kind: "score", min: 75 }, view: view({ score: 75 }), status: "met", value: 75 },
    {
      name: "an unscored service has no score to judge",
      goal: { kind: "score", min: 75 },
      view: view({ score: null, grade: null }),
      status: "notApplicable",
      value: null,
    },
    { name: "grade C meets 'no service below C'", goal: { kind: "grade", min: "C" }, view: view({ grade: "C" }), status: "met", value: 75 },
    { name: "grade A meets it too", goal: { kind: "grade", min: "C" }, view: view({ grade: "A", score: 95 }), status: "met", value: 95 },
    { name: "grade D does not", goal: { kind: "grade", min: "C" }, view: view({ grade: "D", score: 65 }), status: "unmet", value: 65 },
    { name: "grade F does not", goal: { kind: "grade", min: "D" }, view: view({ grade: "F", score: 20 }), status: "unmet", value: 20 },
  ];
  for (const c of cases)
    it(c.name, () => {
      assert.deepEqual(judgeGoal({ goal: c.goal, view: c.view }), { status: c.status, value: c.value });
    });
});

describe("goals as data", () => {
  it("says each goal in words", () => {
    assert.equal(describeGoal({ kind: "check", checkId: "handlesSigterm" }), "passes handlesSigterm");
    assert.equal(describeGoal({ kind: "factor", factor: "disposability", min: 80 }), "Disposability (IX) ≥ 80");
    assert.equal(describeGoal({ kind: "grade", min: "C" }), "grade C or better");
    assert.equal(describeGoal({ kind: "score", min: 70 }), "score ≥ 70");
  });

  it("finds a factor goal's place in the factor array", () => {
    assert.equal(goalFactorIndex({ kind: "factor", factor: "disposability", min: 80 }), 8);
    assert.equal(goalFactorIndex({ kind: "score", min: 1 }), null);
  });

  it("refuses a check the catalogue does not have, a grade that is no goal and a deadline before the start", () => {
    const unknown = goalSchema.safeParse({ kind: "check", checkId: "handlesSigterms" });
    assert.match(unknown.error?.issues[0]?.message ?? "", /not a check of the catalogue/);
    assert.equal(goalSchema.safeParse({ kind: "grade", min: "F" }).success, false);
    const early = createInitiativeInput.safeParse({
      name: "x",
      owner: "platform",
      goal: { kind: "score", min: 50 },
      startsOn: "2026-12-10",
      deadline: "2026-12-01",
    });
    assert.deepEqual(
      early.error?.issues.map((i) => [i.path.join("."), i.message]),
      [["deadline", "on or after the start date"]],
    );
  });
});
