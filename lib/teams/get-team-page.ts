import { readRows } from "@/lib/db";
import { PREPARED } from "@/lib/db/prepared-statements";
import { Prisma } from "@/lib/generated/prisma/client";
import { FACTORS, type FactorId } from "@/lib/factors/factors";
import { gradeDistributionSql, toGradeCounts } from "@/lib/fleet/get-grade-distribution";
import { heatmapPageSql, toHeatmapPage, type HeatmapPageJson } from "@/lib/heatmap/get-heatmap-page";
import { teamTrendSql } from "@/lib/teams/get-team-trend";
import { fleetScoreSql, toFleetScore, type FleetScore } from "@/lib/fleet/get-fleet-score";
import { factorMoversSql } from "@/lib/fleet/get-breakdown-movers";
import { toTrendPoints, type TrendJson } from "@/lib/trends/trend-point";
import type { FixFirstItem } from "@/lib/scoring/rank-fix-first";
import { roundScore } from "@/lib/scoring/score-findings";

/**
 * A team page lists this many services, worst first, and links to the heatmap filtered by the team for the
 * rest (`serviceCount` says how many there are): every row is markup rendered per view, and the ones a team
 * acts on first are the worst.
 */
export const TEAM_PAGE_SERVICES = 25;
/** Days of team trend the page draws. */
const TREND_DAYS = 180;
/** The window each factor tile's change is measured over. */
export const TEAM_FACTOR_CHANGE_DAYS = 30;

type Row = {
  id: number;
  slug: string;
  name: string;
  services: HeatmapPageJson;
  grades: Record<string, number> | null;
  latest: { score: number | null; factors: (number | null)[]; fixFirst: FixFirstItem[] } | null;
  trend: TrendJson;
  rank: { rank: number; of: number } | null;
  fleet: FleetScore | null;
  factorsThen: { from: (number | null)[] | null };
};

/**
 * A team's page in one statement: its worst `serviceLimit` services (default TEAM_PAGE_SERVICES) from their latest scores, and from
 * its latest daily rollup, which every scan, owner change and departure rewrites: the team score, the mean
 * of each factor over all its live services and "fix first", its failing checks ranked once per scan (see
 * updateTeamFixFirst), so no page view reads findings. Then its grade distribution (an index scan of its
 * services) and its trend. Null for an unknown team.
 */
export async function getTeamPage(opts: { slug: string; serviceLimit?: number }) {
  // `tm`, not `t`: the heatmap fragment joins Team as `t` itself.
  const teamId = Prisma.sql`tm."id"`;
  const [row] = await readRows<Row[]>(Prisma.sql`
    SELECT ${PREPARED} tm."id", tm."slug", tm."name",
      ${heatmapPageSql({ teamId, sort: "score", dir: "asc", page: 1, pageSize: opts.serviceLimit ?? TEAM_PAGE_SERVICES })} AS "services",
      (SELECT json_build_object('score', d."score", 'factors', d."factors", 'fixFirst', d."fixFirst")
        FROM "DailyTeamScore" d WHERE d."teamId" = tm."id" ORDER BY d."day" DESC LIMIT 1) AS "latest",
      ${gradeDistributionSql({ teamId })} AS "grades",
      ${teamTrendSql({ teamId, days: TREND_DAYS })} AS "trend",
      (SELECT json_build_object('rank', r."rank", 'of', r."of") FROM (
        SELECT x."id", rank() OVER (ORDER BY x."score" DESC) AS "rank", count(*) OVER () AS "of"
        FROM (SELECT t2."id", (SELECT d."score" FROM "DailyTeamScore" d WHERE d."teamId" = t2."id" AND d."services" > 0
          ORDER BY d."day" DESC LIMIT 1) AS "score" FROM "Team" t2) x WHERE x."score" IS NOT NULL) r
        WHERE r."id" = tm."id") AS "rank",
      ${fleetScoreSql()} AS "fleet",
      ${factorMoversSql({ days: TEAM_FACTOR_CHANGE_DAYS, teamId })} AS "factorsThen"
    FROM "Team" tm WHERE tm."slug" = ${opts.slug}`);
  if (!row) return null;
  const services = toHeatmapPage(row.services);
  return {
    team: { id: row.id, slug: row.slug, name: row.name },
    // Rounded like the trend's points, so the score equals the trend's last day.
    score: row.latest?.score == null ? null : roundScore(row.latest.score),
    services: services.rows,
    serviceCount: services.total,
    /** How many of its live, scanned services hold each grade. */
    grades: toGradeCounts(row.grades),
    /** Where the team stands among the teams with a score (1 = best), and the fleet's score beside it. */
    rank: row.rank,
    fleetScore: toFleetScore(row.fleet).score,
    /** Each factor's mean over the team's services, and its change over TEAM_FACTOR_CHANGE_DAYS (null: no rollup that old). */
    factors: FACTORS.map((f, i) => {
      const mean = row.latest?.factors[i] ?? null;
      const then = row.factorsThen.from?.[i] ?? null;
      const score = mean === null ? null : roundScore(mean);
      return { factor: f.id as FactorId, score, change: score === null || then === null ? null : roundScore(score - roundScore(then)) };
    }),
    fixFirst: row.latest?.fixFirst ?? [],
    trend: toTrendPoints(row.trend),
  };
}
