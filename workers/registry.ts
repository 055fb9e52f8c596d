import { scanRepositoryJob } from "@/lib/sources/kinds/github/scan-repository-job";
import { scanRepositoryFailedJob } from "@/lib/sources/kinds/github/scan-repository-failed-job";
import { scanSourceFailedJob } from "@/workers/jobs/scan-source-failed";
import { scanSourceJob } from "@/workers/jobs/scan-source";
import { scheduledScanJob } from "@/workers/jobs/scheduled-scan";
import type { JobDefinition } from "@/lib/jobs/define-job";

/** Every job a worker process handles. */
export const JOBS: JobDefinition[] = [scanSourceJob, scheduledScanJob, scanRepositoryJob, scanRepositoryFailedJob, scanSourceFailedJob];
