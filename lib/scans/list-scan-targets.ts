import { db } from "@/lib/db";

export interface ScanTargetRecord {
  id: number;
  targetKey: string;
  /** The service's slug; null when the target failed before it became a service. */
  service: string | null;
  status: "succeeded" | "failed";
  error: string | null;
  commit: string | null;
  score: number | null;
  grade: string | null;
  durationMs: number | null;
  createdAt: string;
}

/** A scan's targets in the order they were recorded, `take` of them after `afterId` (keyset on the primary key). */
export async function listScanTargets(opts: { scanId: number; take: number; afterId?: number }): Promise<ScanTargetRecord[]> {
  const rows = await db().scanTarget.findMany({
    where: { scanId: opts.scanId, ...(opts.afterId ? { id: { gt: opts.afterId } } : {}) },
    orderBy: { id: "asc" },
    take: opts.take,
    select: {
      id: true,
      targetKey: true,
      status: true,
      error: true,
      commit: true,
      score: true,
      grade: true,
      durationMs: true,
      createdAt: true,
      service: { select: { slug: true } },
    },
  });
  return rows.map(({ service, createdAt, ...t }) => ({ ...t, service: service?.slug ?? null, createdAt: createdAt.toISOString() }));
}
