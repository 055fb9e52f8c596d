import { selectJson } from "@/lib/db/select-json";
import { Prisma } from "@/lib/generated/prisma/client";
import { failingFactorsSql, toFailingFactors, type FailingFactor } from "@/lib/fleet/get-failing-factors";
import { fleetScoreSql, toFleetScore, type FleetScore } from "@/lib/fleet/get-fleet-score";
import { fleetTrendSql } from "@/lib/fleet/get-fleet-trend";
import { gradeDistributionSql, toGradeCounts, type GradeCounts } from "@/lib/fleet/get-grade-distribution";
import { moversSql, type Mover } from "@/lib/fleet/get-movers";
import { heatmapFiltersSql, toHeatmapFilters, type HeatmapFilterOptions } from "@/lib/heatmap/list-heatmap-filters";
import type { MoverWindow } from "@/lib/scoring/movers";
import { serviceTrendSql, toServiceTrend, type ServiceTrendPoint } from "@/lib/services/get-service-trend";
import { teamTrendSql } from "@/lib/teams/get-team-trend";
import { toTrendPoints, type TrendPoint } from "@/lib/trends/trend-point";

// Each page loads its fragments in one statement (getOverviewPage, getTeamPage, getServiceDetail); these run
// one fragment alone, so a test can check what it says without building a whole page.

/** The fleet's headline (fleetScoreSql). */
export async function getFleetScore(): Promise<FleetScore> {
  return toFleetScore(await selectJson(fleetScoreSql()));
}

/** The factors the fleet fails most (failingFactorsSql). */
export async function getFailingFactors(opts: { limit: number }): Promise<FailingFactor[]> {
  return toFailingFactors(await selectJson(failingFactorsSql()), opts);
}

/** The biggest movers over a window, one way (moversSql). */
export async function getMovers(opts: { days: MoverWindow; limit: number; direction: "worse" | "better" }): Promise<Mover[]> {
  return selectJson(moversSql(opts));
}

/** How many live, scanned services hold each grade, fleet-wide or for one team by slug (gradeDistributionSql). */
export async function getGradeDistribution(opts: { teamSlug?: string } = {}): Promise<GradeCounts> {
  const teamId = opts.teamSlug ? Prisma.sql`(SELECT t."id" FROM "Team" t WHERE t."slug" = ${opts.teamSlug})` : undefined;
  return toGradeCounts(await selectJson(gradeDistributionSql({ teamId })));
}

/** The fleet's daily score (fleetTrendSql). */
export async function getFleetTrend(opts: { days: number }): Promise<TrendPoint[]> {
  return toTrendPoints(await selectJson(fleetTrendSql(opts)));
}

/** A team's daily score (teamTrendSql). */
export async function getTeamTrend(opts: { teamId: number; days: number }): Promise<TrendPoint[]> {
  return toTrendPoints(await selectJson(teamTrendSql({ teamId: Prisma.sql`${opts.teamId}::int`, days: opts.days })));
}

/** A service's daily score (serviceTrendSql). */
export async function getServiceTrend(opts: { serviceId: number; days: number }): Promise<ServiceTrendPoint[]> {
  return toServiceTrend(await selectJson(serviceTrendSql({ serviceId: Prisma.sql`${opts.serviceId}::int`, days: opts.days })));
}

/** The heatmap's filter choices (heatmapFiltersSql). */
export async function listHeatmapFilters(): Promise<HeatmapFilterOptions> {
  return toHeatmapFilters(await selectJson(heatmapFiltersSql()));
}
