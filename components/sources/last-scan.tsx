"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useRef } from "react";
import { describeScanProgress } from "@/lib/scans/describe-scan-progress";
import { useSourceLastScan, type LastScan } from "@/lib/scans/use-source-last-scan";
import { createFormatters } from "@/components/sources/formatters";

const STATUS_TONE: Record<string, string> = {
  succeeded: "bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200",
  partial: "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200",
  failed: "bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-200",
  running: "bg-sky-100 text-sky-900 dark:bg-sky-950 dark:text-sky-200",
};
const NEUTRAL = "bg-slate-100 text-slate-800 dark:bg-slate-800 dark:text-slate-200";

/**
 * A source's latest scan, live: the status follows the worker (queued → running → its verdict) with the
 * progress over the known total, and when the scan finishes the page is refreshed so the card's service
 * count and the rest catch up. Formatted like the server-rendered card (same locale and render time).
 */
export function LastScanFact(props: { sourceId: number; initial: LastScan | null; locale: string; renderedAt: string }) {
  const { data: scan } = useSourceLastScan({ sourceId: props.sourceId, initialData: props.initial });
  const f = useMemo(() => createFormatters({ locale: props.locale, now: new Date(props.renderedAt) }), [props.locale, props.renderedAt]);
  const router = useRouter();
  const active = scan?.status === "queued" || scan?.status === "running";
  const wasActive = useRef(active);
  useEffect(() => {
    if (wasActive.current && !active) router.refresh();
    wasActive.current = active;
  }, [active, router]);
  if (!scan) return <>never</>;
  const at = scan.finishedAt ?? scan.createdAt;
  return (
    <>
      <span data-testid="last-scan-status" className={`rounded px-1.5 py-0.5 text-xs ${STATUS_TONE[scan.status] ?? NEUTRAL}`}>
        {scan.status}
      </span>{" "}
      <Link href={`/scans/${scan.id}`} className="text-sky-800 underline dark:text-sky-300">
        scan #{scan.id}
      </Link>
      <span className="block text-xs text-slate-600 dark:text-slate-300">
        <time dateTime={at} title={f.relative(at)}>
          {f.dateTime(at)}
        </time>{" "}
        · <span data-testid="last-scan-progress">{describeScanProgress(scan)}</span>
      </span>
      {scan.error ? <span className="block text-xs text-red-800 dark:text-red-300">{scan.error}</span> : null}
    </>
  );
}
