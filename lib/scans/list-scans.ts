import { db } from "@/lib/db";
import type { ScanStatus } from "@/lib/generated/prisma/enums";
import { SCAN_RECORD_COLUMNS, toScanRecord, type ScanRecord } from "@/lib/scans/scan-record";

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
    select: SCAN_RECORD_COLUMNS,
  });
  return rows.map(toScanRecord);
}
