import { db } from "@/lib/db";

export interface SourceSummary {
  id: number;
  name: string;
  kind: string;
  location: string;
  schedule: string | null;
  services: number;
  lastScan: { id: number; status: string; finishedAt: string | null; createdAt: string } | null;
}

/** Every source with its service count and its latest scan. */
export async function listSources(): Promise<SourceSummary[]> {
  const sources = await db().source.findMany({
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      kind: true,
      location: true,
      schedule: true,
      _count: { select: { services: { where: { goneAt: null } } } },
      scans: { orderBy: { id: "desc" }, take: 1, select: { id: true, status: true, finishedAt: true, createdAt: true } },
    },
  });
  return sources.map(({ _count, scans, ...s }) => {
    const last = scans[0];
    return {
      ...s,
      services: _count.services,
      lastScan: last
        ? { id: last.id, status: last.status, finishedAt: last.finishedAt?.toISOString() ?? null, createdAt: last.createdAt.toISOString() }
        : null,
    };
  });
}
