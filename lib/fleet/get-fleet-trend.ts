import { Prisma } from "@/lib/generated/prisma/client";
import { trendSql } from "@/lib/trends/trend-point";

/** JSON fragment: the fleet's daily score over the last `days` days (see trendSql). */
export function fleetTrendSql(opts: { days: number }): Prisma.Sql {
  return trendSql({ table: "DailyFleetScore", days: opts.days });
}
