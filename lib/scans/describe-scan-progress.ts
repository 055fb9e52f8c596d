import { plural } from "@/lib/text/plural";

/** What a scan's progress line needs: its state and counters. */
export interface ScanCounters {
  status: string;
  targetsTotal: number;
  targetsDone: number;
  targetsFailed: number;
}

/**
 * A scan's progress in words, with the total once the scan knows it: "37 of 49 targets, 2 failed". Before
 * that, what it is doing: waiting for a worker, listing its targets, or the count so far. `targetsDone`
 * counts failed targets too.
 */
export function describeScanProgress(scan: ScanCounters): string {
  const failed = scan.targetsFailed > 0 ? `, ${scan.targetsFailed.toLocaleString("en-US")} failed` : "";
  if (scan.targetsTotal > 0) return `${scan.targetsDone.toLocaleString("en-US")} of ${plural(scan.targetsTotal, "target")}${failed}`;
  const active = scan.status === "queued" || scan.status === "running";
  if (scan.status === "queued") return "waiting for a worker";
  if (scan.targetsDone === 0) return active ? "listing targets" : "no targets";
  return `${plural(scan.targetsDone, "target")}${active ? " so far" : ""}${failed}`;
}
