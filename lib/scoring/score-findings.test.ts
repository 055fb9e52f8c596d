import assert from "node:assert/strict";
import { test } from "node:test";
import type { FactorId } from "@/lib/factors/factors";
import type { Finding, Outcome } from "@/lib/rules/types";
import { gradeFor, scoreFindings } from "@/lib/scoring/score-findings";

function finding(factor: FactorId, outcome: Outcome, weight = 1): Finding {
  return {
    ruleId: `${factor}-${outcome}-${weight}`,
    ruleVersion: 1,
    factor,
    title: "",
    effort: "low",
    weight,
    outcome,
    message: "",
    evidence: [],
  };
}

test("grades", () => {
  const table: [number | null, string][] = [
    [100, "A"],
    [90, "A"],
    [89.9, "B"],
    [80, "B"],
    [79.9, "C"],
    [70, "C"],
    [69.9, "D"],
    [60, "D"],
    [59.9, "F"],
    [0, "F"],
    [null, "N/A"],
  ];
  for (const [score, grade] of table) assert.equal(gradeFor(score), grade, String(score));
});

const cases: {
  name: string;
  findings: Finding[];
  score: number | null;
  grade: string;
  factors: Partial<Record<FactorId, [number | null, number, number]>>;
}[] = [
  { name: "no findings: nothing applies", findings: [], score: null, grade: "N/A", factors: { config: [null, 0, 0] } },
  {
    name: "only notApplicable/notAvailable/error: excluded from scores",
    findings: [finding("config", "notApplicable"), finding("config", "notAvailable"), finding("logs", "error")],
    score: null,
    grade: "N/A",
    factors: { config: [null, 0, 0], logs: [null, 0, 0] },
  },
  {
    name: "weighted share within a factor",
    findings: [finding("config", "pass", 6), finding("config", "fail", 10), finding("config", "notApplicable", 5)],
    score: 37.5,
    grade: "F",
    factors: { config: [37.5, 1, 1] },
  },
  {
    name: "service score is the mean of factors that have a score",
    findings: [finding("config", "pass"), finding("logs", "pass"), finding("logs", "fail"), finding("auth", "notApplicable")],
    score: 75,
    grade: "C",
    factors: { config: [100, 1, 0], logs: [50, 1, 1], auth: [null, 0, 0] },
  },
  {
    name: "rounded to one decimal",
    findings: [finding("config", "pass", 1), finding("config", "fail", 2)],
    score: 33.3,
    grade: "F",
    factors: { config: [33.3, 1, 1] },
  },
  {
    name: "weight 0 counts as a check but not in the score",
    findings: [finding("config", "fail", 0), finding("logs", "pass", 2)],
    score: 100,
    grade: "A",
    factors: { config: [null, 0, 1], logs: [100, 1, 0] },
  },
];

for (const c of cases) {
  test(c.name, () => {
    const result = scoreFindings({ findings: c.findings });
    assert.equal(result.score, c.score);
    assert.equal(result.grade, c.grade);
    assert.equal(result.factors.length, 15);
    for (const [factor, [score, passed, failed]] of Object.entries(c.factors)) {
      assert.deepEqual(
        result.factors.find((f) => f.factor === factor),
        { factor, score, passed, failed },
      );
    }
  });
}
