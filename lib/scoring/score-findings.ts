import { FACTORS, type FactorId } from "@/lib/factors/factors";
import type { ExemptableFinding } from "@/lib/scoring/apply-exemptions";
import type { FactorScoreResult, Grade, ServiceScore } from "@/lib/scoring/types";

/** Lower bounds of each grade, best first. */
export const GRADE_BOUNDS: readonly { grade: Exclude<Grade, "F" | "N/A">; min: number }[] = [
  { grade: "A", min: 90 },
  { grade: "B", min: 80 },
  { grade: "C", min: 70 },
  { grade: "D", min: 60 },
];

/** A–F from a 0–100 score; "N/A" when nothing applied. */
export function gradeFor(score: number | null): Grade {
  if (score === null) return "N/A";
  return GRADE_BOUNDS.find((b) => score >= b.min)?.grade ?? "F";
}

/** Rounds to one decimal, the precision scores are shown and stored with. */
export function roundScore(value: number): number {
  return Math.round(value * 10) / 10;
}

/**
 * Findings → one score per factor (weighted share of applicable checks that pass) → a service score (mean of the
 * factors that have one) → a grade. Outcomes other than pass/fail do not count: a missing Dockerfile neither
 * helps nor hurts, and an exempt failure (see applyExemptions) is left out the same way. Every factor is listed, in methodology order, even when none of its checks applied.
 */
export function scoreFindings(opts: { findings: readonly ExemptableFinding[] }): ServiceScore {
  const factors: FactorScoreResult[] = FACTORS.map((f) => scoreFactor(f.id, opts.findings));
  const scored = factors.map((f) => f.score).filter((s): s is number => s !== null);
  const score = scored.length === 0 ? null : roundScore(scored.reduce((a, b) => a + b, 0) / scored.length);
  return { score, grade: gradeFor(score), factors };
}

function scoreFactor(factor: FactorId, findings: readonly ExemptableFinding[]): FactorScoreResult {
  let passWeight = 0;
  let totalWeight = 0;
  let passed = 0;
  let failed = 0;
  for (const f of findings) {
    if (f.factor !== factor || (f.outcome !== "pass" && f.outcome !== "fail") || f.exemption) continue;
    totalWeight += f.weight;
    if (f.outcome === "pass") {
      passWeight += f.weight;
      passed += 1;
    } else {
      failed += 1;
    }
  }
  // Checks that all weigh 0 are shown but do not make a score.
  const score = totalWeight > 0 ? roundScore((100 * passWeight) / totalWeight) : null;
  return { factor, score, passed, failed };
}
