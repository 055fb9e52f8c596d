import { db } from "@/lib/db";

/** The team a channel belongs to (its slug), for the caller's role check before deleteChannel; null when there is no such channel. */
export async function findChannelTeam(opts: { id: number }): Promise<string | null> {
  const found = await db().notificationChannel.findUnique({ where: { id: opts.id }, select: { team: { select: { slug: true } } } });
  return found?.team.slug ?? null;
}
