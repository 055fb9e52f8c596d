import { db } from "@/lib/db";
import { QUEUES, scheduledScanPayload } from "@/lib/jobs/queues";
import { requestScan } from "@/lib/persistence/scan-run/request-scan";
import { defineJob } from "@/lib/jobs/define-job";
import { scheduleSourceScans } from "@/lib/sources/schedule-source-scans";

/**
 * Fired by pg-boss's cron for each source with a schedule: turns the tick into a recorded scan. A source
 * paused or deleted since (its cron entry removed by a process without a queue, or a tick already fired) is
 * not scanned, and its stale cron entry is removed so it does not fire again.
 */
export const scheduledScanJob = defineJob({
  name: QUEUES.scheduledScan,
  schema: scheduledScanPayload,
  async handle({ sourceId }, { boss, log }) {
    const source = await db().source.findUnique({ where: { id: sourceId }, select: { pausedAt: true, deletedAt: true } });
    if (!source || source.pausedAt || source.deletedAt) {
      await scheduleSourceScans({ boss, sourceId, schedule: null });
      const state = !source ? "missing" : source.deletedAt ? "deleted" : "paused";
      return log.info({ sourceId, state }, "scheduled scan skipped: source not scheduled any more");
    }
    const { scanId, alreadyRunning } = await requestScan({ boss, sourceId, trigger: "schedule" });
    log.info({ sourceId, scanId, alreadyRunning }, "scheduled scan requested");
  },
});
