import type { PgBoss } from "pg-boss";
import type { Logger } from "pino";
import { db } from "@/lib/db";
import { QUEUES } from "@/lib/jobs/queues";

/**
 * Makes pg-boss's cron table match the sources' schedules (one schedule per source, keyed by its id); a
 * paused or deleted source has none.
 * pg-boss keeps the schedule in PostgreSQL, so any number of workers fire each tick once. A schedule pg-boss
 * refuses (a row written before schedules were validated, or by hand) is logged and skipped: one bad
 * source must never keep a worker from taking jobs.
 */
export async function syncSchedules(opts: { boss: PgBoss; log?: Logger }): Promise<{ scheduled: number; skipped: number }> {
  const sources = await db().source.findMany({ select: { id: true, name: true, schedule: true, pausedAt: true, deletedAt: true } });
  let scheduled = 0;
  let skipped = 0;
  for (const source of sources) {
    const key = String(source.id);
    try {
      if (source.schedule && !source.pausedAt && !source.deletedAt) {
        await opts.boss.schedule(QUEUES.scheduledScan, source.schedule, { sourceId: source.id }, { key, tz: "UTC" });
        scheduled++;
      } else {
        await opts.boss.unschedule(QUEUES.scheduledScan, key);
      }
    } catch (error) {
      skipped++;
      opts.log?.error(
        {
          sourceId: source.id,
          source: source.name,
          schedule: source.schedule,
          reason: error instanceof Error ? error.message : String(error),
        },
        "source schedule refused; skipped",
      );
    }
  }
  return { scheduled, skipped };
}
