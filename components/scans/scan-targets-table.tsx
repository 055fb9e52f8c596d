import Link from "next/link";
import type { ScanTargetRow } from "@/lib/scans/get-scan-detail";
import { GradeBadge } from "@/components/ui/grade-badge";

/** "40 ms", "1.2 s", "3 min 5 s": a target's scan time at a glance. */
export function formatDuration(ms: number | null): string {
  if (ms === null) return "—";
  if (ms < 1_000) return `${ms} ms`;
  if (ms < 60_000) return `${(ms / 1_000).toFixed(1)} s`;
  return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1_000)} s`;
}

/** A scan's targets: failed ones first, each with its status, duration, error, and its service when it has one. */
export function ScanTargetsTable({ targets }: { targets: ScanTargetRow[] }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm">
        <caption className="sr-only">Targets of this scan, failed ones first</caption>
        <thead>
          <tr className="text-left text-xs text-slate-600 dark:text-slate-300">
            <th scope="col" className="py-2">
              Target
            </th>
            <th scope="col">Status</th>
            <th scope="col" className="text-right">
              Duration
            </th>
            <th scope="col">Result</th>
          </tr>
        </thead>
        <tbody>
          {targets.map((t) => (
            <tr key={t.targetKey} data-testid="target-row" className="border-t border-slate-100 align-top dark:border-slate-800">
              <td className="py-1.5 pr-3 font-mono text-xs break-all">{t.targetKey}</td>
              <td className={t.status === "failed" ? "text-red-800 dark:text-red-300" : ""}>{t.status}</td>
              <td className="pr-3 text-right tabular-nums">{formatDuration(t.durationMs)}</td>
              <td className="py-1.5">
                {t.error ? <span className="block text-xs text-red-800 dark:text-red-300">{t.error}</span> : null}
                {t.service ? (
                  <Link
                    href={`/services/${t.service}`}
                    className="inline-flex items-center gap-1.5 text-sky-800 underline dark:text-sky-300"
                  >
                    {t.grade ? <GradeBadge grade={t.grade} /> : null}
                    {t.service}
                  </Link>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
