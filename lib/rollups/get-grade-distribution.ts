import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";

export type GradeKey = "A" | "B" | "C" | "D" | "F" | "N/A";

/** How many live, scanned services hold each grade (every grade present, zero when none), fleet-wide or for one team. */
export async function getGradeDistribution(opts: { teamSlug?: string } = {}): Promise<Record<GradeKey, number>> {
  const team = opts.teamSlug
    ? Prisma.sql`AND s."teamId" = (SELECT t."id" FROM "Team" t WHERE t."slug" = ${opts.teamSlug})`
    : Prisma.empty;
  const rows = await db().$queryRaw<{ grade: string; n: number }[]>`
    SELECT s."latestGrade" AS "grade", count(*)::int AS "n" FROM "Service" s
    WHERE s."goneAt" IS NULL AND s."latestGrade" IS NOT NULL ${team}
    GROUP BY s."latestGrade"`;
  const counts: Record<GradeKey, number> = { A: 0, B: 0, C: 0, D: 0, F: 0, "N/A": 0 };
  for (const r of rows) if (r.grade in counts) counts[r.grade as GradeKey] += r.n;
  return counts;
}
