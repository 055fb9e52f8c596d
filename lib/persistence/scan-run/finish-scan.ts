import { db } from "@/lib/db";
import { markGoneServices } from "@/lib/persistence/mark-gone-services";
import { recordScanEvents } from "@/lib/notifications/record-scan-events";
import { updateRollupsSafely } from "@/lib/rollups/update-rollups-safely";
import { annotateSpan } from "@/lib/telemetry/with-span";

type FinalStatus = "succeeded" | "partial" | "failed";

/** What a complete look at a source no longer found, to be marked gone when (and only when) the scan succeeds. */
export interface GoneCheck {
  /** The services (paths) the scan saw; every other live service of the source is gone. */
  seenPaths?: string[];
  /** Cluster workloads the audit did not see since this instant are gone. */
  workloadsNotSeenSince?: Date;
}

/** The verdict on a scan from its counters: pure, so the rules are readable in one place. */
export function judgeScan(opts: { targetsDone: number; targetsFailed: number; error?: string }): {
  status: FinalStatus;
  error: string | null;
} {
  if (opts.error) return { status: "failed", error: opts.error };
  if (opts.targetsDone === 0) return { status: "failed", error: "no services found in the source" };
  if (opts.targetsFailed === 0) return { status: "succeeded", error: null };
  if (opts.targetsFailed < opts.targetsDone) return { status: "partial", error: null };
  return { status: "failed", error: "every target failed" };
}

/**
 * Closes a scan: failed when nothing could be scanned (or `error` is given), partial when some targets
 * failed, succeeded otherwise. Only a succeeded scan may declare what it no longer saw gone (`gone`); a
 * failed or partial one proves nothing. Gone services are marked before the scan closes, and the daily
 * rollups are then written once for the whole scan: the services it wrote, and the teams of the services
 * that went gone while it ran (here, or earlier by its own jobs). Last, its notification events are recorded
 * (lib/notifications/record-scan-events.ts), never sent from here.
 */
export async function finishScan(opts: { scanId: number; error?: string; gone?: GoneCheck }): Promise<{ status: FinalStatus }> {
  const scan = await db().scan.findUniqueOrThrow({
    where: { id: opts.scanId },
    select: { targetsDone: true, targetsFailed: true, sourceId: true, createdAt: true, source: { select: { deletedAt: true } } },
  });
  const verdict = judgeScan({ ...scan, error: opts.error });
  if (verdict.status === "succeeded" && opts.gone) await markGone({ sourceId: scan.sourceId, gone: opts.gone });
  // Its source was deleted while it ran: what it wrote is history, and the services it saw are not live again.
  if (scan.source.deletedAt) await markGoneServices({ sourceId: scan.sourceId, refreshRollups: false });
  await db().scan.update({
    where: { id: opts.scanId },
    data: { status: verdict.status, finishedAt: new Date(), error: verdict.error },
  });
  annotateSpan({
    "dozen.scan.status": verdict.status,
    "dozen.scan.targets_done": scan.targetsDone,
    "dozen.scan.targets_failed": scan.targetsFailed,
    ...(verdict.error ? { "dozen.scan.error": verdict.error } : {}),
  });
  await updateScanRollups({ scanId: opts.scanId, sourceId: scan.sourceId, since: scan.createdAt });
  // What the teams should be told, worked out once from what the scan wrote; sent later by the dispatch job.
  await recordScanEvents({ scanId: opts.scanId, status: verdict.status, error: verdict.error });
  return { status: verdict.status };
}

async function markGone(opts: { sourceId: number; gone: GoneCheck }): Promise<void> {
  if (opts.gone.seenPaths) await markGoneServices({ sourceId: opts.sourceId, seenPaths: opts.gone.seenPaths, refreshRollups: false });
  if (opts.gone.workloadsNotSeenSince) {
    await db().clusterWorkload.updateMany({
      where: { sourceId: opts.sourceId, lastSeenAt: { lt: opts.gone.workloadsNotSeenSince }, goneAt: null },
      data: { goneAt: new Date() },
    });
  }
}

/** Rollups of what this scan changed; a failure is logged, never fails the scan (the next one heals it). */
async function updateScanRollups(opts: { scanId: number; sourceId: number; since: Date }): Promise<void> {
  await updateRollupsSafely({
    context: { scanId: opts.scanId },
    plan: async () => {
      const [targets, gone] = await Promise.all([
        db().scanTarget.findMany({
          where: { scanId: opts.scanId, status: "succeeded", serviceId: { not: null } },
          select: { serviceId: true },
        }),
        db().service.findMany({
          where: { sourceId: opts.sourceId, goneAt: { gte: opts.since }, teamId: { not: null } },
          select: { teamId: true },
          distinct: ["teamId"],
        }),
      ]);
      const serviceIds = targets.flatMap((t) => (t.serviceId === null ? [] : [t.serviceId]));
      const teamIds = gone.flatMap((s) => (s.teamId === null ? [] : [s.teamId]));
      return serviceIds.length || teamIds.length ? { serviceIds, teamIds } : null;
    },
  });
}
