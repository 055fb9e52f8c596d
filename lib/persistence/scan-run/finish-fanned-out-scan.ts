import { db } from "@/lib/db";
import { finishScan } from "@/lib/persistence/scan-run/finish-scan";

/**
 * Closes a fanned-out scan once every target is done. Many repository jobs may finish at once: a
 * conditional update lets exactly one of them claim the close.
 */
export async function finishFannedOutScan(opts: { scanId: number }): Promise<{ finished: boolean }> {
  const scan = await db().scan.findUnique({ where: { id: opts.scanId }, select: { targetsDone: true, targetsTotal: true, status: true } });
  if (!scan || scan.status !== "running" || scan.targetsDone < scan.targetsTotal) return { finished: false };
  const claimed = await db().scan.updateMany({
    where: { id: opts.scanId, status: "running", finishedAt: null },
    data: { finishedAt: new Date() },
  });
  if (claimed.count === 0) return { finished: false };
  await finishScan({ scanId: opts.scanId });
  return { finished: true };
}
