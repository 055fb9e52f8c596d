import { db } from "@/lib/db";

export interface ChannelSummary {
  id: number;
  team: string;
  kind: string;
  /** Host (or mail domain) of the target; with `hint` (its last 4 characters), all that is ever shown of it. */
  host: string;
  hint: string;
  minScoreDrop: number;
  fleetDigest: boolean;
  createdAt: Date;
  createdBy: string;
  /** The newest delivery: its status (pending, delivered, failed), attempts and when; null before the first. */
  lastDelivery: { status: string; attempts: number; at: Date; error: string | null } | null;
}

/** A team's channels (by slug), oldest first, or every team's: never a URL or a secret, only host and hint. */
export async function listChannels(opts: { team?: string } = {}): Promise<ChannelSummary[]> {
  const rows = await db().notificationChannel.findMany({
    where: opts.team ? { team: { slug: opts.team } } : {},
    orderBy: { id: "asc" },
    select: {
      id: true,
      kind: true,
      host: true,
      hint: true,
      minScoreDrop: true,
      fleetDigest: true,
      createdAt: true,
      createdBy: true,
      team: { select: { slug: true } },
      deliveries: {
        orderBy: { id: "desc" },
        take: 1,
        select: { status: true, attempts: true, createdAt: true, lastAttemptAt: true, lastError: true },
      },
    },
  });
  return rows.map(({ team, deliveries, ...c }) => {
    const last = deliveries[0];
    return {
      ...c,
      team: team.slug,
      lastDelivery: last
        ? { status: last.status, attempts: last.attempts, at: last.lastAttemptAt ?? last.createdAt, error: last.lastError }
        : null,
    };
  });
}
