import { db } from "@/lib/db";
import { FACTORS, type FactorId } from "@/lib/factors/factors";

export interface FailingFactor {
  factor: FactorId;
  /** Live services with at least one failing check in the factor (factor score below 100). */
  failingServices: number;
  /** Mean factor score over the services where a check of it applied; null when none did. */
  meanScore: number | null;
}

/**
 * The factors the fleet fails most, most failing services first (then lowest mean), from the fleet's
 * latest daily rollup: its per-factor failing counts and means are written after every scan, so this reads
 * one row whatever the fleet's size, and no findings.
 */
export async function getFailingFactors(opts: { limit: number }): Promise<FailingFactor[]> {
  // Raw: the factors array holds nulls (factors nothing applied to), which Prisma's Float[] cannot read.
  const [latest] = await db().$queryRaw<{ failing: number[]; factors: (number | null)[] }[]>`
    SELECT "failing", "factors" FROM "DailyFleetScore" ORDER BY "day" DESC LIMIT 1`;
  if (!latest) return [];
  return FACTORS.map((f, i) => {
    const mean = latest.factors[i] ?? null;
    return { factor: f.id, failingServices: latest.failing[i] ?? 0, meanScore: mean === null ? null : Math.round(mean * 10) / 10 };
  })
    .filter((f) => f.failingServices > 0)
    .sort((a, b) => b.failingServices - a.failingServices || (a.meanScore ?? 101) - (b.meanScore ?? 101))
    .slice(0, opts.limit);
}
