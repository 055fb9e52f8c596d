import { db } from "@/lib/db";
import type { SourceExtras } from "@/lib/sources/kinds/types";

/** What the sources page shows of cluster sources: live workloads, and those no service of another source claimed. */
export async function listClusterExtras(opts: { sourceIds: number[] }): Promise<Map<number, SourceExtras>> {
  const live = { sourceId: { in: opts.sourceIds }, goneAt: null };
  const [total, unmapped] = await Promise.all([
    db().clusterWorkload.groupBy({ by: ["sourceId"], where: live, _count: { _all: true } }),
    // Unmapped workloads become cluster-only services (mappedBy "none"), so serviceId alone would hide them.
    db().clusterWorkload.groupBy({
      by: ["sourceId"],
      where: { ...live, OR: [{ serviceId: null }, { mappedBy: "none" }] },
      _count: { _all: true },
    }),
  ]);
  const count = (rows: typeof total, id: number) => rows.find((r) => r.sourceId === id)?._count._all ?? 0;
  return new Map(opts.sourceIds.map((id) => [id, { workloads: { total: count(total, id), unmapped: count(unmapped, id) } }]));
}
