import { db } from "@/lib/db";
import type { ScanSummary } from "@/lib/scans/list-recent-scans";
import { describeCredentials } from "@/lib/sources/describe-credentials";
import { nextScheduledScan } from "@/lib/sources/next-scheduled-scan";
import { readRateLimit, type RateLimitState } from "@/lib/sources/read-rate-limit";

/** The repository states a GitHub source's discovery and scans leave (Repository.status). */
export const REPOSITORY_STATUSES = ["ok", "pending", "failed", "gone", "skipped"] as const;
export type RepositoryStatus = (typeof REPOSITORY_STATUSES)[number];

export interface FailedRepository {
  fullName: string;
  lastError: string | null;
  failures: number;
  retryAt: string | null;
}

export interface SourceSummary {
  id: number;
  name: string;
  kind: "local" | "github" | "kubernetes";
  location: string;
  /** Where the credentials come from, by name only (an env variable, a kubeconfig path); never a secret. */
  credentials: string | null;
  schedule: string | null;
  nextScanAt: string | null;
  services: number;
  lastScan: Omit<ScanSummary, "source"> | null;
  /** GitHub sources: repositories per status, and the most recently failed ones with their reasons. */
  repositories: { counts: Record<RepositoryStatus, number>; total: number; failed: FailedRepository[] } | null;
  rateLimit: RateLimitState | null;
  /** Cluster sources: live workloads and those no service of another source claimed. */
  workloads: { total: number; unmapped: number } | null;
}

const FAILED_SHOWN = 5;

/**
 * Every source with what a platform engineer watches: schedule and next run, last scan and its progress,
 * repositories by status (GitHub), rate-limit budget (GitHub), workloads and unmapped ones (clusters).
 * A handful of grouped queries however many repositories or workloads there are.
 */
export async function listSources(opts: { now?: Date } = {}): Promise<SourceSummary[]> {
  const now = opts.now ?? new Date();
  const [sources, repoCounts, workloadCounts, unmappedCounts] = await Promise.all([
    db().source.findMany({
      orderBy: { name: "asc" },
      select: {
        id: true, name: true, kind: true, location: true, schedule: true, config: true, rateLimit: true,
        _count: { select: { services: { where: { goneAt: null } } } },
        scans: {
          orderBy: { id: "desc" },
          take: 1,
          select: { id: true, status: true, trigger: true, targetsTotal: true, targetsDone: true, targetsFailed: true, error: true, createdAt: true, finishedAt: true },
        },
      },
    }),
    db().repository.groupBy({ by: ["sourceId", "status"], _count: { _all: true } }),
    db().clusterWorkload.groupBy({ by: ["sourceId"], where: { goneAt: null }, _count: { _all: true } }),
    // Unmapped workloads become cluster-only services (mappedBy "none"), so serviceId alone would hide them.
    db().clusterWorkload.groupBy({ by: ["sourceId"], where: { goneAt: null, OR: [{ serviceId: null }, { mappedBy: "none" }] }, _count: { _all: true } }),
  ]);
  const failedBySource = new Map(
    await Promise.all(
      sources
        .filter((s) => s.kind === "github")
        .map(async (s) => [s.id, await listFailedRepositories({ sourceId: s.id })] as const),
    ),
  );
  return sources.map((s) => {
    const last = s.scans[0];
    const isCluster = s.kind === "kubernetes";
    return {
      id: s.id,
      name: s.name,
      kind: s.kind,
      location: s.location,
      credentials: describeCredentials({ kind: s.kind, config: s.config }),
      schedule: s.schedule,
      nextScanAt: nextScheduledScan({ schedule: s.schedule, from: now })?.toISOString() ?? null,
      services: s._count.services,
      lastScan: last ? { ...last, createdAt: last.createdAt.toISOString(), finishedAt: last.finishedAt?.toISOString() ?? null } : null,
      repositories: s.kind === "github" ? countRepositories(repoCounts.filter((r) => r.sourceId === s.id), failedBySource.get(s.id) ?? []) : null,
      rateLimit: s.kind === "github" ? readRateLimit({ value: s.rateLimit, now }) : null,
      workloads: isCluster
        ? {
            total: workloadCounts.find((w) => w.sourceId === s.id)?._count._all ?? 0,
            unmapped: unmappedCounts.find((w) => w.sourceId === s.id)?._count._all ?? 0,
          }
        : null,
    };
  });
}

function countRepositories(rows: { status: string; _count: { _all: number } }[], failed: FailedRepository[]): NonNullable<SourceSummary["repositories"]> {
  const counts = Object.fromEntries(REPOSITORY_STATUSES.map((status) => [status, 0])) as Record<RepositoryStatus, number>;
  let total = 0;
  for (const row of rows) {
    // An unknown status (a newer worker) still counts in the total rather than vanishing.
    if ((REPOSITORY_STATUSES as readonly string[]).includes(row.status)) counts[row.status as RepositoryStatus] += row._count._all;
    total += row._count._all;
  }
  return { counts, total, failed };
}

async function listFailedRepositories(opts: { sourceId: number }): Promise<FailedRepository[]> {
  const rows = await db().repository.findMany({
    where: { sourceId: opts.sourceId, status: "failed" },
    orderBy: [{ updatedAt: "desc" }, { fullName: "asc" }],
    take: FAILED_SHOWN,
    select: { fullName: true, lastError: true, failures: true, retryAt: true },
  });
  return rows.map((r) => ({ ...r, retryAt: r.retryAt?.toISOString() ?? null }));
}
