import type { PgBoss } from "pg-boss";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { QUEUES, type DeliverNotificationPayload } from "@/lib/jobs/queues";
import { DELIVERY_ATTEMPTS, SENT_KINDS, type EventKind } from "@/lib/notifications/channel-kinds";

const BATCH = 200;

/** The channels (of those given) an event goes to: its team's, or for the fleet's digest those that asked for it. */
function channelsFor(
  event: { kind: string; teamId: number | null; payload: unknown },
  channels: { id: number; teamId: number; minScoreDrop: number; fleetDigest: boolean }[],
): number[] {
  if (!SENT_KINDS.has(event.kind as EventKind)) return [];
  const drop = Number((event.payload as { drop?: unknown }).drop ?? 0);
  return channels
    .filter((c) => (event.teamId === null ? c.fleetDigest : c.teamId === event.teamId))
    .filter((c) => event.kind !== "score.dropped" || drop >= c.minScoreDrop)
    .map((c) => c.id);
}

/**
 * Turns recorded events into deliveries: one row per (event, channel) — unique, so doing this twice makes
 * none twice — then one `deliver-notification` job per pending delivery, singleton-keyed by the delivery, and
 * only then marks the event dispatched. A crash in between leaves the event undispatched, so the next run
 * (every minute) queues its pending deliveries again: at-least-once, never a second delivery row.
 */
export async function dispatchEvents(opts: { boss: PgBoss }): Promise<{ events: number; deliveries: number }> {
  let events = 0;
  let deliveries = 0;
  for (;;) {
    const batch = await db().notificationEvent.findMany({
      where: { dispatchedAt: null },
      orderBy: { id: "asc" },
      take: BATCH,
      select: { id: true, kind: true, teamId: true, payload: true },
    });
    if (batch.length === 0) break;
    const teamIds = [...new Set(batch.flatMap((e) => (e.teamId === null ? [] : [e.teamId])))];
    const channels = await db().notificationChannel.findMany({
      where: { OR: [{ teamId: { in: teamIds } }, { fleetDigest: true }] },
      select: { id: true, teamId: true, minScoreDrop: true, fleetDigest: true },
    });
    const rows = batch.flatMap((e) => channelsFor(e, channels).map((channelId) => ({ eventId: e.id, channelId })));
    if (rows.length) await db().notificationDelivery.createMany({ data: rows, skipDuplicates: true });
    const pending = await db().notificationDelivery.findMany({
      where: { eventId: { in: batch.map((e) => e.id) }, status: "pending" },
      select: { id: true },
    });
    const retryDelay = env().DOZEN_NOTIFY_RETRY_SECONDS;
    for (const d of pending) {
      const payload: DeliverNotificationPayload = { deliveryId: d.id };
      await opts.boss.send(QUEUES.deliverNotification, payload, {
        singletonKey: `delivery:${d.id}`,
        retryLimit: DELIVERY_ATTEMPTS - 1,
        retryDelay,
        retryBackoff: true,
      });
    }
    await db().notificationEvent.updateMany({ where: { id: { in: batch.map((e) => e.id) } }, data: { dispatchedAt: new Date() } });
    events += batch.length;
    deliveries += pending.length;
  }
  return { events, deliveries };
}
