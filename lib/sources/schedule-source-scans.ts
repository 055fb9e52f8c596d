import type { PgBoss } from "pg-boss";
import { QUEUES } from "@/lib/jobs/queues";

/**
 * Makes one source's pg-boss cron entry match its schedule at once (keyed by source id, as syncSchedules
 * does at worker start), so a source added or re-scheduled from the UI needs no worker restart.
 */
export async function scheduleSourceScans(opts: { boss: PgBoss; sourceId: number; schedule: string | null }): Promise<void> {
  const key = String(opts.sourceId);
  if (opts.schedule) {
    await opts.boss.schedule(QUEUES.scheduledScan, opts.schedule, { sourceId: opts.sourceId }, { key, tz: "UTC" });
  } else {
    await opts.boss.unschedule(QUEUES.scheduledScan, key);
  }
}
