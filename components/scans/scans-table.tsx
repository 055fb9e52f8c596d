"use client";

import Link from "next/link";
import { describeScanProgress } from "@/lib/scans/describe-scan-progress";
import { useRecentScans } from "@/lib/scans/use-recent-scans";
import type { ScanSummary } from "@/lib/scans/list-recent-scans";

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

/** Scan history with live progress for running scans (TanStack Query polls while one is active). */
export function ScansTable({ initial }: { initial: ScanSummary[] }) {
  const { data } = useRecentScans({ limit: 50, initialData: initial });
  const scans = data ?? initial;
  if (scans.length === 0)
    return <p className="text-sm text-slate-600 dark:text-slate-300">No scans yet. Add a source, then press “Scan now”.</p>;
  return (
    <table className="w-full text-sm">
      <caption className="sr-only">Recent scans, newest first</caption>
      <thead>
        <tr className="text-left text-xs text-slate-600 dark:text-slate-300">
          <th scope="col" className="py-2">
            Scan
          </th>
          <th scope="col">Source</th>
          <th scope="col">Trigger</th>
          <th scope="col">Status</th>
          <th scope="col" className="text-right">
            Targets
          </th>
          <th scope="col">Started</th>
        </tr>
      </thead>
      <tbody>
        {scans.map((s) => (
          <tr key={s.id} className="border-t border-slate-100 dark:border-slate-800" data-testid="scan-row">
            <td className="py-1.5 tabular-nums">
              <Link href={`/scans/${s.id}`} className="text-sky-800 underline dark:text-sky-300">
                #{s.id}
              </Link>
            </td>
            <td>{s.source}</td>
            <td>{s.trigger}</td>
            <td>
              {s.status}
              {s.error ? <span className="block text-xs text-red-800 dark:text-red-300">{s.error}</span> : null}
            </td>
            <td className="text-right tabular-nums">{describeScanProgress(s)}</td>
            <td>{dateTime.format(new Date(s.createdAt))}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
