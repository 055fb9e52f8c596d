import { db } from "@/lib/db";
import { finishScan } from "@/lib/persistence/scan-run/finish-scan";

/**
 * Closes a scan whose source job failed for good (every retry spent, expired, or its worker died), so it
 * does not stay queued or running and block the source's next scan. What the scan already wrote stays.
 * A scan of a source kind that fans out (GitHub: a job per repository) and had done so is left to those
 * jobs: each one, or its dead letter, counts itself and the last one closes the scan.
 */
export async function closeAbandonedScan(opts: {
  scanId: number;
  reason: string;
  fansOut: (kind: string) => boolean;
}): Promise<{ closed: boolean }> {
  const scan = await db().scan.findUnique({
    where: { id: opts.scanId },
    select: { status: true, targetsTotal: true, source: { select: { kind: true } } },
  });
  if (!scan || !["queued", "running"].includes(scan.status)) return { closed: false };
  if (opts.fansOut(scan.source.kind) && scan.targetsTotal > 0) return { closed: false };
  await finishScan({ scanId: opts.scanId, error: opts.reason });
  return { closed: true };
}
