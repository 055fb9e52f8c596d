import { db } from "@/lib/db";
import type { TargetFailure } from "@/lib/pipeline/types";
import { countTarget } from "@/lib/persistence/scan-run/count-target";

/**
 * Records a target that could not be scanned. The service keeps its previous scores: a broken commit or
 * an unreachable repository must not erase what was known.
 */
export async function persistTargetFailure(opts: { scanId: number; failure: TargetFailure }): Promise<void> {
  const { failure } = opts;
  await db().$transaction(async (tx) => {
    const existing = await tx.scanTarget.findUnique({
      where: { scanId_targetKey: { scanId: opts.scanId, targetKey: failure.key } },
      select: { id: true },
    });
    if (existing) return;
    const scan = await tx.scan.findUniqueOrThrow({ where: { id: opts.scanId }, select: { sourceId: true } });
    const service = await tx.service.findUnique({
      where: { sourceId_path: { sourceId: scan.sourceId, path: failure.path } },
      select: { id: true },
    });
    await tx.scanTarget.create({
      data: {
        scanId: opts.scanId,
        serviceId: service?.id ?? null,
        targetKey: failure.key,
        status: "failed",
        error: failure.error.slice(0, 2000),
      },
    });
    await countTarget({ tx, scanId: opts.scanId, failed: true });
  });
}
