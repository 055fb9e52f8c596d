import { db } from "@/lib/db";

export type GradeKey = "A" | "B" | "C" | "D" | "F" | "N/A";

/**
 * How many live, scanned services hold each grade (every grade present, zero when none): fleet-wide from
 * the latest fleet rollup (one row, written after every scan), for a team from its live services' latest
 * grades (an index scan of one team).
 */
export async function getGradeDistribution(opts: { teamSlug?: string } = {}): Promise<Record<GradeKey, number>> {
  const counts: Record<GradeKey, number> = { A: 0, B: 0, C: 0, D: 0, F: 0, "N/A": 0 };
  if (opts.teamSlug) {
    const rows = await db().$queryRaw<{ grade: string; n: number }[]>`
      SELECT s."latestGrade" AS "grade", count(*)::int AS "n" FROM "Service" s
      WHERE s."goneAt" IS NULL AND s."teamId" = (SELECT t."id" FROM "Team" t WHERE t."slug" = ${opts.teamSlug})
        AND s."latestGrade" IS NOT NULL
      GROUP BY s."latestGrade"`;
    for (const r of rows) if (r.grade in counts) counts[r.grade as GradeKey] += r.n;
    return counts;
  }
  const latest = await db().dailyFleetScore.findFirst({ orderBy: { day: "desc" }, select: { grades: true } });
  for (const [grade, n] of Object.entries((latest?.grades ?? {}) as Record<string, number>)) {
    if (grade in counts) counts[grade as GradeKey] += Number(n);
  }
  return counts;
}
