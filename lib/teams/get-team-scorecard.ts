import { db } from "@/lib/db";
import { getFleetOverview } from "@/lib/services/get-fleet-overview";
import { rankFixFirst } from "@/lib/scoring/rank-fix-first";
import { FACTORS, type FactorId } from "@/lib/factors/factors";

/**
 * A team's scorecard: its services (worst first), the mean of each factor over them, and "fix first":
 * the team's failing checks ranked by weight, reach and effort. Null for an unknown team.
 */
export async function getTeamScorecard(opts: { slug: string }) {
  const team = await db().team.findUnique({ where: { slug: opts.slug }, select: { id: true, slug: true, name: true } });
  if (!team) return null;
  const { services, fleetScore } = await getFleetOverview({ teamSlug: team.slug });
  const factors = FACTORS.map((f) => {
    const values = services.flatMap((s) => {
      const v = s.factors[f.id as FactorId];
      return v === null || v === undefined ? [] : [v];
    });
    return { factor: f.id, score: values.length ? Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10 : null };
  });
  const failing = await db().finding.findMany({
    where: { outcome: "fail", target: { latestOf: { teamId: team.id, goneAt: null } } },
    select: { ruleId: true, factor: true, weight: true, effort: true, target: { select: { service: { select: { name: true } } } } },
  });
  const fixFirst = rankFixFirst({
    failing: failing.map((f) => ({ ruleId: f.ruleId, factor: f.factor, weight: f.weight, effort: f.effort, service: f.target.service?.name ?? "?" })),
  });
  return { team, score: fleetScore, services, factors, fixFirst };
}
