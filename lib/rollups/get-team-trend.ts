import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { toTrendPoints, type TrendPoint, type TrendRow } from "@/lib/rollups/trend-point";
import { utcDay } from "@/lib/rollups/utc-day";

/**
 * A team's daily score over the last `days` days (today included), oldest first; days without a rollup are
 * absent. By id, or by slug so a page can load it beside the scorecard instead of after it.
 */
export async function getTeamTrend(opts: ({ teamId: number } | { teamSlug: string }) & { days: number }): Promise<TrendPoint[]> {
  const since = utcDay({ minusDays: Math.max(1, opts.days) - 1 });
  const rows = await db().$queryRaw<TrendRow[]>`
    SELECT "day", "score", "services" FROM "DailyTeamScore"
    WHERE "teamId" = ${"teamId" in opts ? Prisma.sql`${opts.teamId}` : Prisma.sql`(SELECT t."id" FROM "Team" t WHERE t."slug" = ${opts.teamSlug})`} AND "day" >= ${since}::date ORDER BY "day"`;
  return toTrendPoints({ rows });
}
