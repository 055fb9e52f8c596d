import type { Goal, GoalGrade } from "@/lib/initiatives/initiative-input";
import { GOAL_GRADES } from "@/lib/initiatives/initiative-input";
import { FACTORS } from "@/lib/factors/factors";

/** Where a service stands against a goal: meets it, does not, or the goal does not apply (nothing to judge). */
export type GoalStatus = "met" | "unmet" | "notApplicable";

/**
 * What a goal reads of a service's latest combined view (Service.latest*): its score and grade, the goal's
 * factor score, and the goal check's outcome (`pass`/`fail`, null when the check was not judged).
 */
export interface GoalView {
  score: number | null;
  grade: string | null;
  factor: number | null;
  check: string | null;
}

const RANK: Record<string, number> = Object.fromEntries(GOAL_GRADES.map((g, i) => [g, i]));

/**
 * Judges one service against a goal, pure. A check goal counts only services where the check was judged
 * (passed or failed): a check that does not apply to a service (no HTTP server for `handlesSigterm`'s
 * kind, say) or could not be seen is no part of the campaign. A factor goal needs a factor score, a
 * score or grade goal a scored service. `value` is the score measured (null for a check).
 */
export function judgeGoal(opts: { goal: Goal; view: GoalView }): { status: GoalStatus; value: number | null } {
  const { goal, view } = opts;
  switch (goal.kind) {
    case "check":
      if (view.check !== "pass" && view.check !== "fail") return { status: "notApplicable", value: null };
      return { status: view.check === "pass" ? "met" : "unmet", value: null };
    case "factor":
      if (view.factor === null) return { status: "notApplicable", value: null };
      return { status: view.factor >= goal.min ? "met" : "unmet", value: view.factor };
    case "score":
      if (view.score === null) return { status: "notApplicable", value: null };
      return { status: view.score >= goal.min ? "met" : "unmet", value: view.score };
    case "grade": {
      if (view.score === null || view.grade === null || view.grade === "N/A") return { status: "notApplicable", value: view.score };
      // F and anything unknown rank below every goal grade.
      const rank = RANK[view.grade] ?? GOAL_GRADES.length;
      return { status: rank <= RANK[goal.min as GoalGrade]! ? "met" : "unmet", value: view.score };
    }
  }
}

/** The 0-based position of a factor goal's factor in FACTORS order (Service.latestFactors), or null for other goals. */
export function goalFactorIndex(goal: Goal): number | null {
  return goal.kind === "factor" ? FACTORS.findIndex((f) => f.id === goal.factor) : null;
}

/** The goal in words, as pages and digests say it: "passes handlesSigterm", "Disposability (IX) ≥ 80", "grade C or better". */
export function describeGoal(goal: Goal): string {
  switch (goal.kind) {
    case "check":
      return `passes ${goal.checkId}`;
    case "factor": {
      const factor = FACTORS.find((f) => f.id === goal.factor);
      return `${factor ? `${factor.name} (${factor.roman})` : goal.factor} ≥ ${goal.min}`;
    }
    case "score":
      return `score ≥ ${goal.min}`;
    case "grade":
      return goal.min === "A" ? "grade A" : `grade ${goal.min} or better`;
  }
}
