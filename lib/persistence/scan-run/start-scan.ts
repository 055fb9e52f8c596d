import { db } from "@/lib/db";

/** The source a scan scans, as its scanner needs it. */
export interface ScanSource {
  id: number;
  name: string;
  kind: string;
  location: string;
  config: unknown;
}

/**
 * Marks a queued (or retried running) scan as running and returns its source; null when the scan no longer
 * exists or already finished, so a retried job leaves a closed scan alone.
 */
export async function startScan(opts: { scanId: number }): Promise<{ source: ScanSource } | { skipped: "missing" | "finished" }> {
  const scan = await db().scan.findUnique({
    where: { id: opts.scanId },
    select: { status: true, source: { select: { id: true, kind: true, location: true, name: true, config: true } } },
  });
  if (!scan) return { skipped: "missing" };
  if (!["queued", "running"].includes(scan.status)) return { skipped: "finished" };
  await db().scan.update({ where: { id: opts.scanId }, data: { status: "running", startedAt: new Date(), error: null } });
  return { source: scan.source };
}
