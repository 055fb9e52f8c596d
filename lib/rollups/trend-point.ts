import { Prisma } from "@/lib/generated/prisma/client";
import { utcDay } from "@/lib/rollups/utc-day";

/** One day of a score trend: the UTC day, the mean score (null when nothing was scored) and, for a fleet or team, how many services it covers. */
export interface TrendPoint {
  day: string;
  score: number | null;
  services: number;
}

/**
 * A JSON array of one rollup table's last `days` days (today included), oldest first, days without a row
 * absent: `day` as `YYYY-MM-DD` (UTC), `score` rounded to one decimal as every page shows it, and
 * `services` where the table has the column. Reads one index range of the table's (key, day) primary key.
 */
export function trendSql(opts: { table: "DailyFleetScore" | "DailyTeamScore" | "DailyServiceScore"; where?: Prisma.Sql; days: number }): Prisma.Sql {
  const since = utcDay({ minusDays: Math.max(1, opts.days) - 1 });
  const services = opts.table === "DailyServiceScore" ? Prisma.empty : Prisma.sql`, 'services', r."services"`;
  const where = opts.where ? Prisma.sql`AND ${opts.where}` : Prisma.empty;
  return Prisma.sql`(SELECT COALESCE(json_agg(json_build_object('day', to_char(r."day", 'YYYY-MM-DD'),
      'score', round(r."score"::numeric, 1)::float8${services}) ORDER BY r."day"), '[]'::json)
    FROM ${Prisma.raw(`"${opts.table}"`)} r WHERE r."day" >= ${since}::date ${where})`;
}
