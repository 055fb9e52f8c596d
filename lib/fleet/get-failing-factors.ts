import { Prisma } from "@/lib/generated/prisma/client";
import { LATEST_FLEET_ROLLUP } from "@/lib/db/latest-fleet-rollup-sql";
import { FACTORS, type FactorId } from "@/lib/factors/factors";
import { roundScore } from "@/lib/scoring/score-findings";

export interface FailingFactor {
  factor: FactorId;
  /** Live services with at least one failing check in the factor (factor score below 100). */
  failingServices: number;
  /** Mean factor score over the services where a check of it applied; null when none did. */
  meanScore: number | null;
}

type FailingJson = { failing: number[]; factors: (number | null)[] } | null;

/** JSON fragment: the latest fleet rollup's per-factor failing counts and means (FACTORS order). */
export function failingFactorsSql(): Prisma.Sql {
  return Prisma.sql`(SELECT json_build_object('failing', f."failing", 'factors', f."factors")
    FROM ${LATEST_FLEET_ROLLUP} f)`;
}

/** JSON of failingFactorsSql → the factors the fleet fails most, most failing services first (then lowest mean). */
export function toFailingFactors(value: FailingJson, opts: { limit: number }): FailingFactor[] {
  if (!value) return [];
  return FACTORS.map((f, i) => {
    const mean = value.factors[i] ?? null;
    return { factor: f.id, failingServices: value.failing[i] ?? 0, meanScore: mean === null ? null : roundScore(mean) };
  })
    .filter((f) => f.failingServices > 0)
    .sort((a, b) => b.failingServices - a.failingServices || (a.meanScore ?? 101) - (b.meanScore ?? 101))
    .slice(0, opts.limit);
}
