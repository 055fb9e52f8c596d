import { db } from "@/lib/db";
import { readRateLimit } from "@/lib/sources/kinds/github/read-rate-limit";
import type { SourceExtras } from "@/lib/sources/kinds/types";

/** The repository states a GitHub source's discovery and scans leave (Repository.status). */
export const REPOSITORY_STATUSES = ["ok", "pending", "failed", "gone", "skipped"] as const;

const FAILED_SHOWN = 5;

/**
 * What the sources page shows of GitHub sources: repositories per status (a handful of grouped queries
 * however many repositories there are), the most recently failed ones with their reasons, and the last
 * rate-limit reading of each source's credential.
 */
export async function listGitHubExtras(opts: { sourceIds: number[]; now: Date }): Promise<Map<number, SourceExtras>> {
  const [sources, counts, failed] = await Promise.all([
    db().source.findMany({ where: { id: { in: opts.sourceIds } }, select: { id: true, rateLimit: true } }),
    db().repository.groupBy({ by: ["sourceId", "status"], where: { sourceId: { in: opts.sourceIds } }, _count: { _all: true } }),
    Promise.all(opts.sourceIds.map(async (sourceId) => [sourceId, await listFailedRepositories({ sourceId })] as const)),
  ]);
  const failedBySource = new Map(failed);
  return new Map(
    sources.map((s) => {
      const byStatus = Object.fromEntries(REPOSITORY_STATUSES.map((status) => [status, 0])) as Record<string, number>;
      let total = 0;
      for (const row of counts.filter((c) => c.sourceId === s.id)) {
        // An unknown status (a newer worker) still counts in the total rather than vanishing.
        if ((REPOSITORY_STATUSES as readonly string[]).includes(row.status)) byStatus[row.status]! += row._count._all;
        total += row._count._all;
      }
      const extras: SourceExtras = {
        repositories: { counts: byStatus, total, failed: failedBySource.get(s.id) ?? [] },
        rateLimit: readRateLimit({ value: s.rateLimit, now: opts.now }),
      };
      return [s.id, extras];
    }),
  );
}

async function listFailedRepositories(opts: { sourceId: number }) {
  const rows = await db().repository.findMany({
    where: { sourceId: opts.sourceId, status: "failed" },
    orderBy: [{ updatedAt: "desc" }, { fullName: "asc" }],
    take: FAILED_SHOWN,
    select: { fullName: true, lastError: true, failures: true, retryAt: true },
  });
  return rows.map((r) => ({ ...r, retryAt: r.retryAt?.toISOString() ?? null }));
}
