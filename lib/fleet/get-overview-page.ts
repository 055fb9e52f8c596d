import { readRows } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { toFailingFactors, failingFactorsSql, type FailingFactor } from "@/lib/fleet/get-failing-factors";
import { fleetTrendSql } from "@/lib/fleet/get-fleet-trend";
import { gradeDistributionSql, toGradeCounts, type GradeCounts } from "@/lib/fleet/get-grade-distribution";
import { heatmapPageSql, toHeatmapPage, type HeatmapPageJson } from "@/lib/heatmap/get-heatmap-page";
import { moversSql, type Mover } from "@/lib/fleet/get-movers";
import {
  checkMoversSql,
  factorMoversSql,
  rolledUpTeamMoversSql,
  toCheckMovers,
  toFactorMovers,
  toTeamMovers,
  type BreakdownMovers,
} from "@/lib/fleet/get-breakdown-movers";
import { MOVER_WINDOWS, type MoverWindow } from "@/lib/scoring/movers";
import { toTrendPoints, type TrendJson, type TrendPoint } from "@/lib/trends/trend-point";
import { fleetScoreSql, toFleetScore, type FleetScore } from "@/lib/fleet/get-fleet-score";
import { toHeatmapData, type HeatmapData } from "@/lib/heatmap/get-heatmap-rows";
import { heatmapFiltersSql, toHeatmapFilters, type HeatmapFilterOptions } from "@/lib/heatmap/list-heatmap-filters";
import { readHeatmapSearch, type HeatmapSearch } from "@/lib/heatmap/read-heatmap-search";

/** How many rows each of the overview's short lists (worst services, movers, failing factors) shows. */
const SHORT_LIST = 5;
/** Days of fleet trend the overview draws. */
const TREND_DAYS = 180;

export interface OverviewPage {
  fleet: FleetScore;
  heatmap: HeatmapData;
  options: HeatmapFilterOptions;
  trend: TrendPoint[];
  grades: GradeCounts;
  failing: FailingFactor[];
  worst: HeatmapData["rows"];
  movers: { days: MoverWindow; worse: Mover[]; better: Mover[]; breakdown: BreakdownMovers }[];
}

type Row = {
  fleet: FleetScore | null;
  heatmap: HeatmapPageJson;
  options: Parameters<typeof toHeatmapFilters>[0];
  trend: TrendJson;
  grades: Record<string, number> | null;
  failing: Parameters<typeof toFailingFactors>[0];
  worst: HeatmapPageJson;
  movers: Record<
    string,
    {
      worse: Mover[];
      better: Mover[];
      teams: Parameters<typeof toTeamMovers>[0];
      factors: Parameters<typeof toFactorMovers>[0];
      checks: Parameters<typeof toCheckMovers>[0];
    }
  >;
};

/**
 * Everything the fleet overview shows, for the heatmap state in its URL, in one statement: the headline,
 * grades, failing factors, movers and trend from the fleet rollups (a few rows), one heatmap page and the
 * worst services from Service's latest scores (index walks), the filter choices from Team, Source and the
 * fleet rollup's per-check counts. Each part is the JSON fragment its own reader runs alone; together they
 * cost one round trip, which at 10,000 services and several readers at once is what the page's time is made of.
 */
export async function getOverviewPage(opts: { search: HeatmapSearch }): Promise<OverviewPage> {
  const worst = { ...readHeatmapSearch({}), pageSize: SHORT_LIST, countTotal: false };
  const movers = MOVER_WINDOWS.map(
    (days) => Prisma.sql`${String(days)}::text, json_build_object('worse', ${moversSql({ days, limit: SHORT_LIST, direction: "worse" })},
      'better', ${moversSql({ days, limit: SHORT_LIST, direction: "better" })},
      'teams', ${rolledUpTeamMoversSql({ days })}, 'factors', ${factorMoversSql({ days })}, 'checks', ${checkMoversSql({ days })})`,
  );
  const [row] = await readRows<Row[]>(Prisma.sql`
    SELECT ${fleetScoreSql()} AS "fleet", ${heatmapPageSql({ ...opts.search, pageSize: opts.search.size })} AS "heatmap",
      ${heatmapFiltersSql()} AS "options", ${fleetTrendSql({ days: TREND_DAYS })} AS "trend", ${gradeDistributionSql()} AS "grades",
      ${failingFactorsSql()} AS "failing", ${heatmapPageSql(worst)} AS "worst", json_build_object(${Prisma.join(movers)}) AS "movers"`);
  if (!row) throw new Error("the overview statement returned no row");
  return {
    fleet: toFleetScore(row.fleet),
    heatmap: toHeatmapData(toHeatmapPage(row.heatmap)),
    options: toHeatmapFilters(row.options),
    trend: toTrendPoints(row.trend),
    grades: toGradeCounts(row.grades),
    failing: toFailingFactors(row.failing, { limit: SHORT_LIST }),
    worst: toHeatmapData(toHeatmapPage(row.worst)).rows,
    movers: MOVER_WINDOWS.map((days) => {
      const window = row.movers[days];
      return {
        days,
        worse: window?.worse ?? [],
        better: window?.better ?? [],
        breakdown: {
          teams: toTeamMovers(window?.teams ?? [], SHORT_LIST),
          factors: toFactorMovers(window?.factors ?? { from: null, to: null }, SHORT_LIST),
          checks: toCheckMovers(window?.checks ?? [], SHORT_LIST),
        },
      };
    }),
  };
}
