import { z } from "zod";

/**
 * Queue names and payload schemas: the contract between whoever enqueues (web, API, CLI, scheduler)
 * and the worker that handles the job. Payloads are parsed with these schemas before a handler runs. A
 * source kind's own queues live with it (lib/sources/kinds/<kind>/).
 */
export const QUEUES = {
  scanSource: "scan-source",
  scheduledScan: "scheduled-scan",
  /** Dead letters of scan-source: a source scan that failed its last retry; its scan is closed as failed. */
  scanSourceFailed: "scan-source-failed",
} as const;

export const scanSourcePayload = z.object({ scanId: z.number().int().positive() });
export type ScanSourcePayload = z.infer<typeof scanSourcePayload>;

export const scheduledScanPayload = z.object({ sourceId: z.number().int().positive() });
export type ScheduledScanPayload = z.infer<typeof scheduledScanPayload>;
