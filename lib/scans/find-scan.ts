import { db } from "@/lib/db";
import { SCAN_RECORD_COLUMNS, toScanRecord, type ScanRecord } from "@/lib/scans/scan-record";

/** One scan by id, null when there is none. */
export async function findScan(opts: { id: number }): Promise<ScanRecord | null> {
  const row = await db().scan.findUnique({ where: { id: opts.id }, select: SCAN_RECORD_COLUMNS });
  return row ? toScanRecord(row) : null;
}
