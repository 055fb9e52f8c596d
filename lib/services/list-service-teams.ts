import { db } from "@/lib/db";

/** The distinct owning teams' slugs of these services (null for an unowned one): what a team-limited maintainer is judged by. */
export async function listServiceTeams(opts: { slugs: string[] }): Promise<(string | null)[]> {
  const rows = await db().service.findMany({ where: { slug: { in: opts.slugs } }, select: { team: { select: { slug: true } } } });
  return [...new Set(rows.map((r) => r.team?.slug ?? null))];
}
