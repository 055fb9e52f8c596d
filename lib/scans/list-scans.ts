import { db } from "@/lib/db";
import type { ScanStatus } from "@/lib/generated/prisma/enums";
import { SCAN_SUMMARY_COLUMNS } from "@/lib/scans/list-recent-scans";

/** The columns of a scan the API shows: its summary's, its source's id and name, and when it started. */
const COLUMNS = { ...SCAN_SUMMARY_COLUMNS, sourceId: true, startedAt: true, source: { select: { name: true } } } as const;

export interface ScanRecord {
  id: number;
  sourceId: number;
  source: string;
  status: ScanStatus;
  trigger: string;
  targetsTotal: number;
  targetsDone: number;
  targetsFailed: number;
  error: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

type Row = { source: { name: string }; createdAt: Date; startedAt: Date | null; finishedAt: Date | null } & Omit<
  ScanRecord,
  "source" | "createdAt" | "startedAt" | "finishedAt"
>;

function toRecord({ source, createdAt, startedAt, finishedAt, ...s }: Row): ScanRecord {
  return {
    ...s,
    source: source.name,
    createdAt: createdAt.toISOString(),
    startedAt: startedAt?.toISOString() ?? null,
    finishedAt: finishedAt?.toISOString() ?? null,
  };
}

/**
 * Scans newest first, optionally one source's or in one state, `take` of them from below `beforeId` (a
 * keyset on the primary key: a scan queued while a client pages never shifts the pages still to come).
 */
export async function listScans(opts: { take: number; beforeId?: number; sourceId?: number; status?: ScanStatus }): Promise<ScanRecord[]> {
  const rows = await db().scan.findMany({
    where: {
      ...(opts.beforeId ? { id: { lt: opts.beforeId } } : {}),
      ...(opts.sourceId ? { sourceId: opts.sourceId } : {}),
      ...(opts.status ? { status: opts.status } : {}),
    },
    orderBy: { id: "desc" },
    take: opts.take,
    select: COLUMNS,
  });
  return rows.map(toRecord);
}

/** One scan by id, null when there is none. */
export async function findScan(opts: { id: number }): Promise<ScanRecord | null> {
  const row = await db().scan.findUnique({ where: { id: opts.id }, select: COLUMNS });
  return row ? toRecord(row) : null;
}
