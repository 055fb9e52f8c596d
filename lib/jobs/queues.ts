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
  /** Turns recorded notification events into one delivery per (event, channel) and queues them (every minute, and after a scan). */
  dispatchNotifications: "dispatch-notifications",
  /** Sends one notification delivery (a webhook or an e-mail), retried with back-off. */
  deliverNotification: "deliver-notification",
  /** Records the weekly digests (each team's, the fleet's) on DOZEN_DIGEST_SCHEDULE. */
  weeklyDigest: "weekly-digest",
  /** Ends expired exemptions (their findings count again) and tells owners of those expiring within 7 days, on DOZEN_EXEMPTION_SWEEP_SCHEDULE. */
  sweepExemptions: "sweep-exemptions",
} as const;

export const scanSourcePayload = z.object({ scanId: z.number().int().positive() });
export type ScanSourcePayload = z.infer<typeof scanSourcePayload>;

export const scheduledScanPayload = z.object({ sourceId: z.number().int().positive() });
export type ScheduledScanPayload = z.infer<typeof scheduledScanPayload>;

export const dispatchNotificationsPayload = z.object({}).passthrough();

export const deliverNotificationPayload = z.object({ deliveryId: z.number().int().positive() });
export type DeliverNotificationPayload = z.infer<typeof deliverNotificationPayload>;

/** Fired by the cron: digests the week ending now (nothing to say in the payload). */
export const weeklyDigestPayload = z.object({}).passthrough();

/** Fired by the cron: sweeps at the time it runs (nothing to say in the payload). */
export const sweepExemptionsPayload = z.object({}).passthrough();
