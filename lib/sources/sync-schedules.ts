import type { PgBoss } from "pg-boss";
import { db } from "@/lib/db";
import { QUEUES } from "@/lib/jobs/queues";

/**
 * Makes pg-boss's cron table match the sources' schedules (one schedule per source, keyed by its id).
 * pg-boss keeps the schedule in PostgreSQL, so any number of workers fire each tick once.
 */
export async function syncSchedules(opts: { boss: PgBoss }): Promise<{ scheduled: number }> {
  const sources = await db().source.findMany({ select: { id: true, schedule: true } });
  let scheduled = 0;
  for (const source of sources) {
    const key = String(source.id);
    if (source.schedule) {
      await opts.boss.schedule(QUEUES.scheduledScan, source.schedule, { sourceId: source.id }, { key, tz: "UTC" });
      scheduled++;
    } else {
      await opts.boss.unschedule(QUEUES.scheduledScan, key);
    }
  }
  return { scheduled };
}
