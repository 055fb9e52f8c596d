import { db } from "@/lib/db";

export interface DeliverySummary {
  id: number;
  channelId: number;
  /** The event's kind (grade.dropped, digest.weekly, …) and what it was about, in a few words. */
  event: string;
  subject: string;
  status: string;
  attempts: number;
  lastCode: number | null;
  lastError: string | null;
  createdAt: Date;
  deliveredAt: Date | null;
}

/** A delivery log, newest first: a team's channels' (by slug) or one channel's last `limit` deliveries. */
export async function listDeliveries(opts: ({ team: string } | { channelId: number }) & { limit?: number }): Promise<DeliverySummary[]> {
  const rows = await db().notificationDelivery.findMany({
    where: "team" in opts ? { channel: { team: { slug: opts.team } } } : { channelId: opts.channelId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: opts.limit ?? 20,
    select: {
      id: true,
      channelId: true,
      status: true,
      attempts: true,
      lastCode: true,
      lastError: true,
      createdAt: true,
      deliveredAt: true,
      event: { select: { kind: true, payload: true } },
    },
  });
  return rows.map(({ event, ...d }) => ({
    ...d,
    event: event.kind,
    subject: String((event.payload as { subject?: unknown }).subject ?? event.kind),
  }));
}
