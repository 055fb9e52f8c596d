import { db } from "@/lib/db";

export interface TeamSummary {
  slug: string;
  name: string;
  services: number;
  score: number | null;
}

/** Teams with their live service count and mean latest score, worst first. */
export async function listTeams(): Promise<TeamSummary[]> {
  const [teams, stats] = await Promise.all([
    db().team.findMany({ select: { id: true, slug: true, name: true } }),
    db().service.groupBy({
      by: ["teamId"],
      where: { goneAt: null, teamId: { not: null } },
      _count: { _all: true },
      _avg: { latestScore: true },
    }),
  ]);
  const byTeam = new Map(stats.map((s) => [s.teamId, s]));
  return teams
    .map((t) => {
      const s = byTeam.get(t.id);
      const avg = s?._avg.latestScore ?? null;
      return { slug: t.slug, name: t.name, services: s?._count._all ?? 0, score: avg === null ? null : Math.round(avg * 10) / 10 };
    })
    .filter((t) => t.services > 0)
    .sort((a, b) => (a.score ?? 101) - (b.score ?? 101) || a.name.localeCompare(b.name));
}

/** Live services no team owns: the Unowned bucket on /teams. */
export async function countUnowned(): Promise<number> {
  return db().service.count({ where: { goneAt: null, teamId: null } });
}
