import { db } from "@/lib/db";

export interface ScanSummary {
  id: number;
  source: string;
  status: string;
  trigger: string;
  targetsTotal: number;
  targetsDone: number;
  targetsFailed: number;
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
}

/** The columns of a scan its summary shows (progress, verdict, times). */
export const SCAN_SUMMARY_COLUMNS = {
  id: true,
  status: true,
  trigger: true,
  targetsTotal: true,
  targetsDone: true,
  targetsFailed: true,
  error: true,
  createdAt: true,
  finishedAt: true,
} as const;

/** The most recent scans across sources, newest first (for progress banners and the scans API). */
export async function listRecentScans(opts: { limit?: number } = {}): Promise<ScanSummary[]> {
  const scans = await db().scan.findMany({
    orderBy: { id: "desc" },
    take: Math.min(opts.limit ?? 20, 200),
    select: { ...SCAN_SUMMARY_COLUMNS, source: { select: { name: true } } },
  });
  return scans.map(({ source, createdAt, finishedAt, ...s }) => ({
    ...s,
    source: source.name,
    createdAt: createdAt.toISOString(),
    finishedAt: finishedAt?.toISOString() ?? null,
  }));
}
