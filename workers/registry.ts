import type { JobDefinition } from "@/lib/jobs/define-job";
import { SOURCE_KINDS } from "@/lib/sources/kinds/registry";
import { scanSourceFailedJob } from "@/workers/jobs/scan-source-failed";
import { scanSourceJob } from "@/workers/jobs/scan-source";
import { scheduledScanJob } from "@/workers/jobs/scheduled-scan";
import { deliverNotificationJob } from "@/workers/jobs/deliver-notification";
import { dispatchNotificationsJob } from "@/workers/jobs/dispatch-notifications";
import { weeklyDigestJob } from "@/workers/jobs/weekly-digest";
import { sweepExemptionsJob } from "@/workers/jobs/sweep-exemptions";

/** Every job a worker process handles: the scan lifecycle's own, then each source kind's (a fan-out's per-item job). */
export async function loadJobs(): Promise<JobDefinition[]> {
  const kinds = await Promise.all(Object.values(SOURCE_KINDS).map((kind) => kind.worker()));
  const notifications = [dispatchNotificationsJob, deliverNotificationJob, weeklyDigestJob];
  return [scanSourceJob, scheduledScanJob, scanSourceFailedJob, ...notifications, sweepExemptionsJob, ...kinds.flatMap((k) => k.jobs)];
}
