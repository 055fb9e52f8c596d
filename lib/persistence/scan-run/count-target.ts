import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Counts one target of a scan as done (and failed, for a target that could not be scanned), inside the
 * transaction that wrote it: progress and the target's rows commit together or not at all.
 */
export async function countTarget(opts: { tx: Prisma.TransactionClient; scanId: number; failed?: boolean }): Promise<void> {
  await opts.tx.scan.update({
    where: { id: opts.scanId },
    data: { targetsDone: { increment: 1 }, ...(opts.failed ? { targetsFailed: { increment: 1 } } : {}) },
  });
}
