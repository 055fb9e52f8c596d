import { db } from "@/lib/db";
import { toTrendPoints, type TrendPoint, type TrendRow } from "@/lib/rollups/trend-point";
import { utcDay } from "@/lib/rollups/utc-day";

/** A service's daily score over the last `days` days (today included), oldest first; days it was not scanned are absent. */
export async function getServiceTrend(opts: { serviceId: number; days: number }): Promise<Omit<TrendPoint, "services">[]> {
  const since = utcDay({ minusDays: Math.max(1, opts.days) - 1 });
  const rows = await db().$queryRaw<TrendRow[]>`
    SELECT "day", "score", NULL::int AS "services" FROM "DailyServiceScore"
    WHERE "serviceId" = ${opts.serviceId} AND "day" >= ${since}::date ORDER BY "day"`;
  return toTrendPoints({ rows }).map(({ day, score }) => ({ day, score }));
}
