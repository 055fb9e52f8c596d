import { db } from "@/lib/db";
import { getHeatmapPage } from "@/lib/rollups/get-heatmap-page";
import { rankFixFirst } from "@/lib/scoring/rank-fix-first";
import { FACTORS, type FactorId } from "@/lib/factors/factors";

/** A team page lists at most this many services (worst first); `serviceCount` says how many there are. */
const MAX_SERVICES = 500;

/**
 * A team's scorecard: its services (worst first), the mean of each factor over them, and "fix first":
 * the team's failing checks ranked by weight, reach and effort. Null for an unknown team. Reads latest
 * scores, the rollups' factor arrays and only the failing findings of the team's latest targets.
 */
export async function getTeamScorecard(opts: { slug: string }) {
  // One round of queries, all keyed by the slug: the team's row is not needed before the others can start.
  const [team, page, failing] = await Promise.all([
    db().team.findUnique({ where: { slug: opts.slug }, select: { id: true, slug: true, name: true } }),
    getHeatmapPage({ team: opts.slug, sort: "score", dir: "asc", page: 1, pageSize: MAX_SERVICES }),
    db().$queryRaw<{ ruleId: string; factor: string; weight: number; effort: string; service: string }[]>`
      SELECT f."ruleId", f."factor", f."weight", f."effort", s."name" AS "service"
      FROM "Service" s JOIN "Finding" f ON f."targetId" = s."latestTargetId"
      WHERE s."teamId" = (SELECT t."id" FROM "Team" t WHERE t."slug" = ${opts.slug}) AND s."goneAt" IS NULL AND f."outcome" = 'fail'`,
  ]);
  if (!team) return null;
  const services = page.rows;
  const factors = FACTORS.map((f) => {
    const values = services.flatMap((s) => {
      const v = s.factors[f.id as FactorId];
      return v === null || v === undefined ? [] : [v];
    });
    return { factor: f.id, score: values.length ? Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10 : null };
  });
  // Every service is on the page for all but the biggest teams: the mean needs no second query then.
  const scored = services.flatMap((s) => (s.score === null ? [] : [s.score]));
  const avg =
    page.total <= services.length
      ? scored.length ? scored.reduce((a, b) => a + b, 0) / scored.length : null
      : (await db().service.aggregate({ where: { teamId: team.id, goneAt: null }, _avg: { latestScore: true } }))._avg.latestScore;
  return {
    team,
    score: avg === null ? null : Math.round(avg * 10) / 10,
    services,
    serviceCount: page.total,
    factors,
    fixFirst: rankFixFirst({ failing }),
  };
}
