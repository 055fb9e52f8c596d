import { Prisma } from "@/lib/generated/prisma/client";
import { utcDay } from "@/lib/db/utc-day";
import { roundScore } from "@/lib/scoring/score-findings";

/** One day of a score trend: the UTC day, the mean score (null when nothing was scored) and, for a fleet or team, how many services it covers. */
export interface TrendPoint {
  day: string;
  score: number | null;
  services: number;
}

/** A trend as trendSql returns it: `[day, score, services?]` per day. */
export type TrendJson = [string, number | null, number?][];

/**
 * A JSON array of one rollup table's last `days` days (today included), oldest first, days without a row
 * absent, each day `[YYYY-MM-DD, score, services]` (services where the table has the column). Reads one
 * index range of the table's (key, day) primary key. Arrays, not objects: on a service page the trend is
 * half the statement's time, and building 180 objects in SQL costs twice what their arrays do.
 */
export function trendSql(opts: {
  table: "DailyFleetScore" | "DailyTeamScore" | "DailyServiceScore";
  where?: Prisma.Sql;
  days: number;
}): Prisma.Sql {
  const since = utcDay({ minusDays: Math.max(1, opts.days) - 1 });
  const services = opts.table === "DailyServiceScore" ? Prisma.empty : Prisma.sql`, r."services"`;
  const where = opts.where ? Prisma.sql`AND ${opts.where}` : Prisma.empty;
  return Prisma.sql`(SELECT COALESCE(json_agg(json_build_array(r."day", r."score"${services}) ORDER BY r."day"), '[]'::json)
    FROM ${Prisma.raw(`"${opts.table}"`)} r WHERE r."day" >= ${since}::date ${where})`;
}

/** JSON of trendSql → points, the score rounded to one decimal as every page shows it. */
export function toTrendPoints(value: TrendJson): TrendPoint[] {
  return value.map(([day, score, services]) => ({ day, score: score === null ? null : roundScore(score), services: services ?? 0 }));
}
