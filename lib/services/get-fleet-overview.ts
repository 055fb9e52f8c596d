import { db } from "@/lib/db";
import type { FactorId } from "@/lib/factors/factors";

export interface OverviewService {
  slug: string;
  name: string;
  path: string;
  team: string | null;
  source: string;
  score: number | null;
  grade: string | null;
  scannedAt: Date | null;
  /** Latest score per factor; a missing key means no check of that factor applied. */
  factors: Partial<Record<FactorId, number | null>>;
}

/**
 * Every live service (optionally of one team) with its latest score and factor scores, worst first (unscored last). Reads the
 * denormalised latest scores, never the findings history, so the page stays fast as history grows.
 */
export async function getFleetOverview(
  opts: { teamSlug?: string } = {},
): Promise<{ services: OverviewService[]; fleetScore: number | null }> {
  const services = await db().service.findMany({
    where: { goneAt: null, ...(opts.teamSlug ? { team: { slug: opts.teamSlug } } : {}) },
    select: {
      id: true,
      slug: true,
      name: true,
      path: true,
      latestScore: true,
      latestGrade: true,
      latestScanAt: true,
      latestTargetId: true,
      team: { select: { name: true } },
      source: { select: { name: true } },
    },
    orderBy: [{ latestScore: { sort: "asc", nulls: "last" } }, { name: "asc" }],
  });
  const targetIds = services.flatMap((s) => (s.latestTargetId ? [s.latestTargetId] : []));
  const factorRows = await db().factorScore.findMany({
    where: { targetId: { in: targetIds } },
    select: { serviceId: true, factor: true, score: true },
  });
  const byService = new Map<number, Partial<Record<FactorId, number | null>>>();
  for (const row of factorRows) {
    const entry = byService.get(row.serviceId) ?? {};
    entry[row.factor as FactorId] = row.score;
    byService.set(row.serviceId, entry);
  }
  const scored = services.flatMap((s) => (s.latestScore === null ? [] : [s.latestScore]));
  return {
    fleetScore: scored.length ? Math.round((scored.reduce((a, b) => a + b, 0) / scored.length) * 10) / 10 : null,
    services: services.map((s) => ({
      slug: s.slug,
      name: s.name,
      path: s.path,
      team: s.team?.name ?? null,
      source: s.source.name,
      score: s.latestScore,
      grade: s.latestGrade,
      scannedAt: s.latestScanAt,
      factors: byService.get(s.id) ?? {},
    })),
  };
}
