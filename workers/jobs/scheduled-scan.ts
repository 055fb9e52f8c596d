import { QUEUES, scheduledScanPayload } from "@/lib/jobs/queues";
import { requestScan } from "@/lib/persistence/scan-run/request-scan";
import { defineJob } from "@/lib/jobs/define-job";

/** Fired by pg-boss's cron for each source with a schedule: turns the tick into a recorded scan. */
export const scheduledScanJob = defineJob({
  name: QUEUES.scheduledScan,
  schema: scheduledScanPayload,
  async handle({ sourceId }, { boss, log }) {
    const { scanId, alreadyRunning } = await requestScan({ boss, sourceId, trigger: "schedule" });
    log.info({ sourceId, scanId, alreadyRunning }, "scheduled scan requested");
  },
});
