import { db } from "@/lib/db";
import { SCAN_SUMMARY_COLUMNS, type ScanSummary } from "@/lib/scans/list-recent-scans";

/** One target of a scan as its page lists it. */
export interface ScanTargetRow {
  targetKey: string;
  /** The service's slug, for a link; null when the target failed before it became a service. */
  service: string | null;
  status: "succeeded" | "failed";
  error: string | null;
  score: number | null;
  grade: string | null;
  durationMs: number | null;
}

export interface ScanDetail extends Omit<ScanSummary, "source"> {
  /** Its source; `deleted` when the source was deleted since (its name then says so). */
  source: { id: number; name: string; deleted: boolean };
  startedAt: string | null;
  /** Failed targets first (what needs a look), then by key; at most `limit`. */
  targets: ScanTargetRow[];
  /** Targets recorded beyond `limit`. */
  moreTargets: number;
}

/**
 * A scan's page: its state, counters and times, and its targets with status, duration and error. A scan of
 * a deleted source stays readable. Null when no scan has this id.
 */
export async function getScanDetail(opts: { id: number; limit?: number }): Promise<ScanDetail | null> {
  const limit = opts.limit ?? 500;
  const scan = await db().scan.findUnique({
    where: { id: opts.id },
    select: {
      ...SCAN_SUMMARY_COLUMNS,
      startedAt: true,
      source: { select: { id: true, name: true, deletedAt: true } },
      _count: { select: { targets: true } },
      targets: {
        orderBy: [{ status: "desc" }, { targetKey: "asc" }],
        take: limit,
        select: {
          targetKey: true,
          status: true,
          error: true,
          score: true,
          grade: true,
          durationMs: true,
          service: { select: { slug: true } },
        },
      },
    },
  });
  if (!scan) return null;
  const { source, _count, targets, createdAt, startedAt, finishedAt, ...rest } = scan;
  return {
    ...rest,
    source: { id: source.id, name: source.name, deleted: source.deletedAt !== null },
    createdAt: createdAt.toISOString(),
    startedAt: startedAt?.toISOString() ?? null,
    finishedAt: finishedAt?.toISOString() ?? null,
    targets: targets.map(({ service, ...t }) => ({ ...t, service: service?.slug ?? null })),
    moreTargets: Math.max(0, _count.targets - targets.length),
  };
}
