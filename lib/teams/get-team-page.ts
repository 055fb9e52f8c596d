import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { FACTORS, type FactorId } from "@/lib/factors/factors";
import { gradeDistributionSql, toGradeCounts } from "@/lib/fleet/get-grade-distribution";
import { heatmapPageSql, toHeatmapPage, type HeatmapPageJson } from "@/lib/heatmap/get-heatmap-page";
import { teamTrendSql } from "@/lib/teams/get-team-trend";
import { toTrendPoints, type TrendJson } from "@/lib/trends/trend-point";
import type { FixFirstItem } from "@/lib/scoring/rank-fix-first";
import { roundScore } from "@/lib/scoring/score-findings";

/** A team page lists at most this many services (worst first); `serviceCount` says how many there are. */
const MAX_SERVICES = 500;
/** Days of team trend the page draws. */
const TREND_DAYS = 180;

type Row = {
  id: number;
  slug: string;
  name: string;
  services: HeatmapPageJson;
  grades: Record<string, number> | null;
  latest: { score: number | null; factors: (number | null)[]; fixFirst: FixFirstItem[] } | null;
  trend: TrendJson;
};

/**
 * A team's page in one statement: its services (worst first, up to 500) from their latest scores, and from
 * its latest daily rollup, which every scan, owner change and departure rewrites: the team score, the mean
 * of each factor over all its live services and "fix first", its failing checks ranked once per scan (see
 * updateTeamFixFirst), so no page view reads findings. Then its grade distribution (an index scan of its
 * services) and its trend. Null for an unknown team.
 */
export async function getTeamPage(opts: { slug: string }) {
  // `tm`, not `t`: the heatmap fragment joins Team as `t` itself.
  const teamId = Prisma.sql`tm."id"`;
  const [row] = await db().$queryRaw<Row[]>`
    SELECT tm."id", tm."slug", tm."name",
      ${heatmapPageSql({ teamId, sort: "score", dir: "asc", page: 1, pageSize: MAX_SERVICES })} AS "services",
      (SELECT json_build_object('score', d."score", 'factors', d."factors", 'fixFirst', d."fixFirst")
        FROM "DailyTeamScore" d WHERE d."teamId" = tm."id" ORDER BY d."day" DESC LIMIT 1) AS "latest",
      ${gradeDistributionSql({ teamId })} AS "grades",
      ${teamTrendSql({ teamId, days: TREND_DAYS })} AS "trend"
    FROM "Team" tm WHERE tm."slug" = ${opts.slug}`;
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
    factors: FACTORS.map((f, i) => {
      const mean = row.latest?.factors[i] ?? null;
      return { factor: f.id as FactorId, score: mean === null ? null : roundScore(mean) };
    }),
    fixFirst: row.latest?.fixFirst ?? [],
    trend: toTrendPoints(row.trend),
  };
}
