import { db } from "@/lib/db";
import { updateRollupsSafely } from "@/lib/rollups/update-rollups-safely";

type FinalStatus = "succeeded" | "partial" | "failed";

/** The verdict on a scan from its counters: pure, so the rules are readable in one place. */
export function judgeScan(opts: { targetsDone: number; targetsFailed: number; error?: string }): { status: FinalStatus; error: string | null } {
  if (opts.error) return { status: "failed", error: opts.error };
  if (opts.targetsDone === 0) return { status: "failed", error: "no services found in the source" };
  if (opts.targetsFailed === 0) return { status: "succeeded", error: null };
  if (opts.targetsFailed < opts.targetsDone) return { status: "partial", error: null };
  return { status: "failed", error: "every target failed" };
}

/**
 * Closes a scan: failed when nothing could be scanned (or `error` is given), partial when some targets
 * failed, succeeded otherwise.
 */
export async function finishScan(opts: { scanId: number; error?: string }): Promise<{ status: FinalStatus }> {
  const counters = await db().scan.findUniqueOrThrow({
    where: { id: opts.scanId },
    select: { targetsDone: true, targetsFailed: true },
  });
  const verdict = judgeScan({ ...counters, error: opts.error });
  await db().scan.update({
    where: { id: opts.scanId },
    data: { status: verdict.status, finishedAt: new Date(), error: verdict.error },
  });
  await updateScanRollups(opts.scanId);
  return { status: verdict.status };
}

/** Rollups of the services this scan wrote; a failure is logged, never fails the scan (the next one heals it). */
async function updateScanRollups(scanId: number): Promise<void> {
  await updateRollupsSafely({
    context: { scanId },
    plan: async () => {
      const targets = await db().scanTarget.findMany({
        where: { scanId, status: "succeeded", serviceId: { not: null } },
        select: { serviceId: true },
      });
      const serviceIds = targets.flatMap((t) => (t.serviceId === null ? [] : [t.serviceId]));
      return serviceIds.length ? { serviceIds } : null;
    },
  });
}
