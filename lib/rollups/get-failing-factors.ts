import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { FACTORS, type FactorId } from "@/lib/factors/factors";
import { serviceFactorsSql } from "@/lib/rollups/service-factors-sql";

export interface FailingFactor {
  factor: FactorId;
  /** Live services with at least one failing check in the factor (factor score below 100). */
  failingServices: number;
  /** Mean factor score over the services where a check of it applied; null when none did. */
  meanScore: number | null;
}

/**
 * The factors the fleet fails most, most failing services first (then lowest mean). One pass over each live
 * service's latest factors array from the rollups, with one count and one mean per factor: no findings read.
 */
export async function getFailingFactors(opts: { limit: number }): Promise<FailingFactor[]> {
  const { join, factors } = serviceFactorsSql();
  const columns = FACTORS.map(
    (_, i) => Prisma.sql`count(*) FILTER (WHERE c.f[${Prisma.raw(String(i + 1))}] < 100)::int, avg(c.f[${Prisma.raw(String(i + 1))}])`,
  );
  const rows = await db().$queryRaw<{ stats: [number, number | null][] }[]>`
    SELECT json_build_array(${Prisma.join(columns.map((c) => Prisma.sql`json_build_array(${c})`))}) AS "stats"
    FROM (SELECT ${factors} AS f FROM "Service" s ${join}
          WHERE s."goneAt" IS NULL AND s."latestScore" IS NOT NULL) c`;
  const stats = rows[0]?.stats ?? [];
  return FACTORS.map((f, i) => {
    const [failing, mean] = stats[i] ?? [0, null];
    return { factor: f.id, failingServices: failing, meanScore: mean === null ? null : Math.round(mean * 10) / 10 };
  })
    .filter((f) => f.failingServices > 0)
    .sort((a, b) => b.failingServices - a.failingServices || (a.meanScore ?? 101) - (b.meanScore ?? 101))
    .slice(0, opts.limit);
}
