import { Prisma } from "@/lib/generated/prisma/client";
import { LATEST_FLEET_ROLLUP } from "@/lib/db/latest-fleet-rollup-sql";

export type GradeKey = "A" | "B" | "C" | "D" | "F" | "N/A";
export type GradeCounts = Record<GradeKey, number>;

/**
 * JSON fragment: `{ grade: count }` of live, scanned services, fleet-wide from the latest fleet rollup (one
 * row, written after every scan), for a team (`teamId`, any SQL expression) from its live services' latest
 * grades (an index scan of one team).
 */
export function gradeDistributionSql(opts: { teamId?: Prisma.Sql } = {}): Prisma.Sql {
  if (!opts.teamId) return Prisma.sql`(SELECT f."grades" FROM ${LATEST_FLEET_ROLLUP} f)`;
  return Prisma.sql`(SELECT json_object_agg(g."grade", g."n") FROM (
      SELECT s."latestGrade" AS "grade", count(*)::int AS "n" FROM "Service" s
      WHERE s."goneAt" IS NULL AND s."teamId" = ${opts.teamId} AND s."latestGrade" IS NOT NULL
      GROUP BY s."latestGrade") g)`;
}

/** JSON of gradeDistributionSql → every grade present, zero when none holds it. */
export function toGradeCounts(value: Record<string, number> | null): GradeCounts {
  const counts: GradeCounts = { A: 0, B: 0, C: 0, D: 0, F: 0, "N/A": 0 };
  for (const [grade, n] of Object.entries(value ?? {})) if (grade in counts) counts[grade as GradeKey] += Number(n);
  return counts;
}
