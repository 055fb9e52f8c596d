import type { SourceSummary } from "@/lib/sources/list-sources";
import type { Formatters } from "@/components/sources/formatters";

/**
 * The deploy declarations a source's latest scan joined to no service (a Deployment of an image nobody
 * builds, a compose service of a third-party image), collapsed: listed so nothing the deploy config runs is
 * silently dropped, out of the way because most are backing services. Nothing when there are none.
 */
export function UnmatchedWorkloads({ unmatched, f }: { unmatched: SourceSummary["unmatched"]; f: Formatters }) {
  if (unmatched.length === 0) return null;
  return (
    <details className="mt-3 text-sm" data-testid="unmatched-workloads">
      <summary className="cursor-pointer text-sky-800 dark:text-sky-300">
        {f.number(unmatched.length)} deploy {unmatched.length === 1 ? "declaration" : "declarations"} matched no service
      </summary>
      <ul className="mt-1 space-y-0.5 text-xs text-slate-700 dark:text-slate-300">
        {unmatched.map((w) => (
          <li key={`${w.repository ?? ""} ${w.path}:${w.line} ${w.kind}/${w.name} ${w.descriptor}`}>
            <span className="font-mono">
              {w.path}:{w.line}
            </span>{" "}
            ({w.kind}/{w.name}, {w.descriptor})
          </li>
        ))}
      </ul>
    </details>
  );
}
