import type { ScanStatus } from "@/lib/generated/prisma/enums";
import { SCAN_SUMMARY_COLUMNS, type ScanSummary } from "@/lib/scans/list-recent-scans";

/** The columns of a scan the API shows: its summary's, its source's id and name, and when it started. */
export const SCAN_RECORD_COLUMNS = {
  ...SCAN_SUMMARY_COLUMNS,
  sourceId: true,
  startedAt: true,
  source: { select: { name: true } },
} as const;

/** A scan as the API shows it: its summary's fields, its source's id, its typed status and when it started. */
export type ScanRecord = Omit<ScanSummary, "status"> & { sourceId: number; status: ScanStatus; startedAt: string | null };

type Row = { source: { name: string }; createdAt: Date; startedAt: Date | null; finishedAt: Date | null } & Omit<
  ScanRecord,
  "source" | "createdAt" | "startedAt" | "finishedAt"
>;

/** A scan row (SCAN_RECORD_COLUMNS) as the API writes it: its source by name, timestamps in ISO 8601. */
export function toScanRecord({ source, createdAt, startedAt, finishedAt, ...s }: Row): ScanRecord {
  return {
    ...s,
    source: source.name,
    createdAt: createdAt.toISOString(),
    startedAt: startedAt?.toISOString() ?? null,
    finishedAt: finishedAt?.toISOString() ?? null,
  };
}
