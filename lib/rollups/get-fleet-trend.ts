import { db } from "@/lib/db";
import { toTrendPoints, type TrendPoint, type TrendRow } from "@/lib/rollups/trend-point";
import { utcDay } from "@/lib/rollups/utc-day";

/** The fleet's daily score over the last `days` days (today included), oldest first; days without a rollup are absent. */
export async function getFleetTrend(opts: { days: number }): Promise<TrendPoint[]> {
  const since = utcDay({ minusDays: Math.max(1, opts.days) - 1 });
  const rows = await db().$queryRaw<TrendRow[]>`
    SELECT "day", "score", "services" FROM "DailyFleetScore" WHERE "day" >= ${since}::date ORDER BY "day"`;
  return toTrendPoints({ rows });
}
