import { scanRepositoryJob } from "@/workers/jobs/scan-repository";
import { scanRepositoryFailedJob } from "@/workers/jobs/scan-repository-failed";
import { scanSourceFailedJob } from "@/workers/jobs/scan-source-failed";
import { scanSourceJob } from "@/workers/jobs/scan-source";
import { scheduledScanJob } from "@/workers/jobs/scheduled-scan";
import type { JobDefinition } from "@/workers/define-job";

/** Every job a worker process handles. */
export const JOBS: JobDefinition[] = [scanSourceJob, scheduledScanJob, scanRepositoryJob, scanRepositoryFailedJob, scanSourceFailedJob];
