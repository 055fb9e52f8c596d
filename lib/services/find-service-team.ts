import { db } from "@/lib/db";

/** The slug of the team that owns a service now (null when unowned or no such service): what a team-limited maintainer is judged by. */
export async function findServiceTeam(opts: { slug: string }): Promise<string | null> {
  const service = await db().service.findUnique({ where: { slug: opts.slug }, select: { team: { select: { slug: true } } } });
  return service?.team?.slug ?? null;
}
