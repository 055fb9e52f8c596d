import { Prisma } from "@/lib/generated/prisma/client";
import { toTrendPoints, trendSql, type TrendJson, type TrendPoint } from "@/lib/trends/trend-point";

export type ServiceTrendPoint = Omit<TrendPoint, "services">;

/** JSON fragment: a service's daily score over the last `days` days (see trendSql); `serviceId` may be any SQL expression. */
export function serviceTrendSql(opts: { serviceId: Prisma.Sql; days: number }): Prisma.Sql {
  return trendSql({ table: "DailyServiceScore", where: Prisma.sql`r."serviceId" = ${opts.serviceId}`, days: opts.days });
}

/** JSON of serviceTrendSql → points (a service's have no service count). */
export function toServiceTrend(value: TrendJson): ServiceTrendPoint[] {
  return toTrendPoints(value).map(({ day, score }) => ({ day, score }));
}
