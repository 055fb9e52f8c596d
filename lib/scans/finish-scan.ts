import { db } from "@/lib/db";

/**
 * Closes a scan: failed when nothing could be scanned (or `error` is given), partial when some targets
 * failed, succeeded otherwise.
 */
export async function finishScan(opts: { scanId: number; error?: string }): Promise<{ status: string }> {
  const scan = await db().scan.findUniqueOrThrow({
    where: { id: opts.scanId },
    select: { targetsDone: true, targetsFailed: true },
  });
  const succeeded = scan.targetsDone - scan.targetsFailed;
  const status = opts.error
    ? "failed"
    : scan.targetsFailed === 0
      ? "succeeded"
      : succeeded > 0
        ? "partial"
        : "failed";
  const error = opts.error ?? (status === "failed" ? "every target failed" : null);
  await db().scan.update({
    where: { id: opts.scanId },
    data: { status, finishedAt: new Date(), error },
  });
  return { status };
}
