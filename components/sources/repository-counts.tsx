import type { SourceSummary } from "@/lib/sources/list-sources";
import type { Formatters } from "@/components/sources/formatters";

/** A GitHub source's repositories by status, and why the failed ones failed (retried by the next scan). */
export function RepositoryCounts({ repositories: r, f }: { repositories: NonNullable<SourceSummary["repositories"]>; f: Formatters }) {
  return (
    <div className="mt-3 text-sm">
      <h3 className="text-xs text-slate-600 dark:text-slate-300">Repositories found: {f.number(r.total)}</h3>
      <ul className="mt-1 flex flex-wrap gap-3" aria-label="Repositories by status">
        {Object.keys(r.counts).map((status) => (
          <li
            key={status}
            className={status === "failed" && (r.counts.failed ?? 0) ? "font-medium text-red-800 dark:text-red-300" : undefined}
          >
            {status} <span className="tabular-nums">{f.number(r.counts[status] ?? 0)}</span>
          </li>
        ))}
      </ul>
      {r.failed.length ? (
        <details className="mt-1">
          <summary className="cursor-pointer text-sky-800 dark:text-sky-300">
            Why {(r.counts.failed ?? 0) > r.failed.length ? `the last ${r.failed.length} of ${f.number(r.counts.failed ?? 0)}` : "they"}{" "}
            failed
          </summary>
          <ul className="mt-1 space-y-1 text-xs">
            {r.failed.map((repo) => (
              <li key={repo.fullName}>
                <span className="font-mono">{repo.fullName}</span>: {repo.lastError ?? "no reason recorded"} ({f.number(repo.failures)}×
                {repo.retryAt ? `, retried from ${f.dateTime(repo.retryAt)}` : ""})
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}
