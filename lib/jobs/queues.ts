import { z } from "zod";

/**
 * Queue names and payload schemas: the contract between whoever enqueues (web, API, CLI, scheduler)
 * and the worker that handles the job. Payloads are parsed with these schemas before a handler runs.
 */
export const QUEUES = {
  scanSource: "scan-source",
  scheduledScan: "scheduled-scan",
  scanRepository: "scan-repository",
  /** Dead letters of scan-repository: a repository job that failed its last retry (error, timeout, crash). */
  scanRepositoryFailed: "scan-repository-failed",
  /** Dead letters of scan-source: a source scan that failed its last retry; its scan is closed as failed. */
  scanSourceFailed: "scan-source-failed",
} as const;

export const scanSourcePayload = z.object({ scanId: z.number().int().positive() });
export type ScanSourcePayload = z.infer<typeof scanSourcePayload>;

export const scheduledScanPayload = z.object({ sourceId: z.number().int().positive() });
export type ScheduledScanPayload = z.infer<typeof scheduledScanPayload>;

/** One repository of a GitHub source's scan (fanned out by the source scan, one job per repository). */
export const scanRepositoryPayload = z.object({ scanId: z.number().int().positive(), repositoryId: z.number().int().positive() });
export type ScanRepositoryPayload = z.infer<typeof scanRepositoryPayload>;
