import { db } from "@/lib/db";
import { persistTargetFailure } from "@/lib/persistence/persist-target-failure";

/**
 * Records that a repository could not be scanned in a scan: a failed target keyed by the repository (the
 * scan's progress counts it, its services keep their previous scores) and, on the Repository row, the
 * reason, one more failure and when to try again (`retryAt`, or back-off doubling per failure up to an
 * hour). Idempotent: a repository already accounted for in this scan, or a scan no longer running, is
 * left alone. Returns whether anything was recorded.
 */
export async function recordRepositoryFailure(opts: {
  scanId: number;
  repositoryId: number;
  reason: string;
  retryAt?: Date | null;
}): Promise<{ recorded: boolean }> {
  const scan = await db().scan.findUnique({ where: { id: opts.scanId }, select: { status: true } });
  const repo = await db().repository.findUnique({ where: { id: opts.repositoryId }, select: { id: true, fullName: true, failures: true } });
  if (!scan || !repo || scan.status !== "running") return { recorded: false };
  const accounted = await db().scanTarget.findUnique({
    where: { scanId_targetKey: { scanId: opts.scanId, targetKey: repo.fullName } },
    select: { id: true },
  });
  if (accounted) return { recorded: false };
  const retryAt = opts.retryAt ?? new Date(Date.now() + Math.min(2 ** repo.failures, 64) * 60_000);
  await persistTargetFailure({
    scanId: opts.scanId,
    failure: { key: repo.fullName, name: repo.fullName.split("/").pop() ?? repo.fullName, path: repo.fullName, error: opts.reason },
  });
  await db().repository.update({
    where: { id: repo.id },
    data: { status: "failed", lastError: opts.reason.slice(0, 2000), failures: { increment: 1 }, retryAt, lastCheckedAt: new Date() },
  });
  return { recorded: true };
}
