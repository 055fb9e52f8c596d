import { Prisma } from "@/lib/generated/prisma/client";
import { trendSql } from "@/lib/trends/trend-point";

/** JSON fragment: a team's daily score over the last `days` days (see trendSql); `teamId` may be any SQL expression. */
export function teamTrendSql(opts: { teamId: Prisma.Sql; days: number }): Prisma.Sql {
  return trendSql({ table: "DailyTeamScore", where: Prisma.sql`r."teamId" = ${opts.teamId}`, days: opts.days });
}
