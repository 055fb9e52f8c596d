import { db } from "@/lib/db";
import { finishScan } from "@/lib/persistence/scan-run/finish-scan";

/**
 * Closes a source's scans that no worker has started, as failed with `reason`, so a deleted source leaves
 * nothing waiting (its queued job then finds the scan finished and skips it). Running scans are left to
 * finish: what they write is history like the rest.
 */
export async function closeQueuedScans(opts: { sourceId: number; reason: string }): Promise<{ closed: number[] }> {
  const queued = await db().scan.findMany({ where: { sourceId: opts.sourceId, status: "queued" }, select: { id: true } });
  for (const scan of queued) await finishScan({ scanId: scan.id, error: opts.reason });
  return { closed: queued.map((s) => s.id) };
}
