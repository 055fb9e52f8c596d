import type { FactorId } from "@/lib/factors/factors";

/** A–F from the 0–100 service score; "N/A" when no check applied at all. */
export type Grade = "A" | "B" | "C" | "D" | "F" | "N/A";

export interface FactorScoreResult {
  factor: FactorId;
  /** 0–100 weighted share of applicable checks that pass; null when none applied. */
  score: number | null;
  passed: number;
  failed: number;
}

export interface ServiceScore {
  score: number | null;
  grade: Grade;
  factors: FactorScoreResult[];
}
