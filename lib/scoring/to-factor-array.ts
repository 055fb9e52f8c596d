import { FACTORS } from "@/lib/factors/factors";
import type { FactorScoreResult } from "@/lib/scoring/types";

/**
 * Per-factor scores → one array in FACTORS order (null where no check applied): the shape of
 * `Service.latestFactors` and the rollups' `factors`, so SQL can index a factor by its position.
 */
export function toFactorArray(opts: { factors: readonly Pick<FactorScoreResult, "factor" | "score">[] }): (number | null)[] {
  const byId = new Map(opts.factors.map((f) => [f.factor, f.score]));
  return FACTORS.map((f) => byId.get(f.id) ?? null);
}
