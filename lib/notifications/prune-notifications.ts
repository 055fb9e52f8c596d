import { db } from "@/lib/db";

/** How long events (and with them their deliveries, the delivery log) are kept. */
const KEEP_DAYS = 180;

/**
 * Deletes events older than 180 days with their deliveries, so the log and the event table stay the size of
 * half a year whatever the fleet. Digests read one week back; the team page the last 20 deliveries.
 */
export async function pruneNotifications(opts: { now?: Date } = {}): Promise<{ events: number }> {
  const before = new Date((opts.now ?? new Date()).getTime() - KEEP_DAYS * 86_400_000);
  const { count } = await db().notificationEvent.deleteMany({ where: { createdAt: { lt: before } } });
  return { events: count };
}
