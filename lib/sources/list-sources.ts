import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { UnmatchedDeclaration } from "@/lib/pipeline/types";
import { SCAN_SUMMARY_COLUMNS, type ScanSummary } from "@/lib/scans/list-recent-scans";
import { findSourceKind, SOURCE_KINDS } from "@/lib/sources/kinds/registry";
import type { SourceExtras, SourceKind } from "@/lib/sources/kinds/types";
import { nextScheduledScan } from "@/lib/sources/next-scheduled-scan";

export interface SourceSummary {
  id: number;
  name: string;
  kind: SourceKind;
  /** The kind's badge ("GitHub"). */
  kindLabel: string;
  location: string;
  /** Where the credentials come from, by name only (an env variable, a kubeconfig path); never a secret. */
  credentials: string | null;
  schedule: string | null;
  /** When the source was paused (no scheduled scans until resumed); null while it runs on its schedule. */
  pausedAt: string | null;
  /** The next scheduled scan; null when on demand, paused or the expression never fires. */
  nextScanAt: string | null;
  services: number;
  lastScan: Omit<ScanSummary, "source"> | null;
  /** Fan-out sources (GitHub): repositories per status, and the most recently failed ones with their reasons. */
  repositories: NonNullable<SourceExtras["repositories"]> | null;
  /** The credential's API budget, for kinds that have one (null when not read yet); see `tracksRateLimit`. */
  rateLimit: NonNullable<SourceExtras["rateLimit"]> | null;
  tracksRateLimit: boolean;
  /** Cluster sources: live workloads and those no service of another source claimed. */
  workloads: NonNullable<SourceExtras["workloads"]> | null;
  /** Deploy declarations that joined no service, as the latest finished scan found them (none before one). */
  unmatched: UnmatchedDeclaration[];
}

/**
 * Every source (or those of `ids`) not deleted, with what a platform engineer watches: schedule and next run, last scan and its progress,
 * and what its kind adds (repositories by status and the rate-limit budget for GitHub, workloads and
 * unmapped ones for clusters), and the deploy declarations its latest finished scan could join to no service.
 * A handful of grouped queries however many repositories or workloads there are.
 */
export async function listSources(opts: { now?: Date; ids?: number[] } = {}): Promise<SourceSummary[]> {
  const now = opts.now ?? new Date();
  const sources = await db().source.findMany({
    // Deleted sources are history: their scans and services stay readable elsewhere, never listed here.
    where: { deletedAt: null, ...(opts.ids ? { id: { in: opts.ids } } : {}) },
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      kind: true,
      location: true,
      schedule: true,
      pausedAt: true,
      config: true,
      _count: { select: { services: { where: { goneAt: null } } } },
      scans: {
        orderBy: { id: "desc" },
        take: 1,
        select: SCAN_SUMMARY_COLUMNS,
      },
    },
  });
  const extras = new Map<number, SourceExtras>();
  const unmatched = await listUnmatched({ sourceIds: sources.map((s) => s.id) });
  await Promise.all(
    Object.values(SOURCE_KINDS).map(async (kind) => {
      const sourceIds = sources.filter((s) => s.kind === kind.kind).map((s) => s.id);
      if (sourceIds.length === 0 || !kind.extras) return;
      for (const [id, found] of await kind.extras({ sourceIds, now })) extras.set(id, found);
    }),
  );
  return sources.map((s) => {
    const last = s.scans[0];
    const kind = findSourceKind(s.kind);
    const more = extras.get(s.id) ?? {};
    return {
      id: s.id,
      name: s.name,
      kind: s.kind,
      kindLabel: kind?.shortLabel ?? s.kind,
      location: s.location,
      credentials: kind?.describeCredentials(s.config) ?? null,
      schedule: s.schedule,
      pausedAt: s.pausedAt?.toISOString() ?? null,
      nextScanAt: s.pausedAt ? null : (nextScheduledScan({ schedule: s.schedule, from: now })?.toISOString() ?? null),
      services: s._count.services,
      lastScan: last ? { ...last, createdAt: last.createdAt.toISOString(), finishedAt: last.finishedAt?.toISOString() ?? null } : null,
      repositories: more.repositories ?? null,
      rateLimit: more.rateLimit ?? null,
      tracksRateLimit: "rateLimit" in more,
      workloads: more.workloads ?? null,
      unmatched: unmatched.get(s.id) ?? [],
    };
  });
}

/**
 * Each source's unmatched deploy declarations from its latest succeeded or partial scan: a failed scan (a
 * missing directory) found nothing to say, and a running one has not seen every repository yet. One backward
 * walk of the (sourceId, createdAt) index per source.
 */
async function listUnmatched(opts: { sourceIds: number[] }): Promise<Map<number, UnmatchedDeclaration[]>> {
  if (opts.sourceIds.length === 0) return new Map();
  const rows = await db().$queryRaw<{ sourceId: number; unmatched: unknown }[]>`
    SELECT src."id" AS "sourceId", last."unmatched" FROM unnest(ARRAY[${Prisma.join(opts.sourceIds)}]::int[]) AS src("id")
      CROSS JOIN LATERAL (SELECT sc."unmatched" FROM "Scan" sc WHERE sc."sourceId" = src."id" AND sc."status" IN ('succeeded', 'partial')
        ORDER BY sc."createdAt" DESC, sc."id" DESC LIMIT 1) last`;
  return new Map(rows.map((r) => [r.sourceId, Array.isArray(r.unmatched) ? (r.unmatched as UnmatchedDeclaration[]) : []]));
}
