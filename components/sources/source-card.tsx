import type { SourceSummary } from "@/lib/sources/list-sources";
import { ScanNowButton } from "@/components/scans/scan-now-button";
import type { Formatters } from "@/components/sources/formatters";
import { LastScanFact } from "@/components/sources/last-scan";
import { RepositoryCounts } from "@/components/sources/repository-counts";
import { SourceAdmin } from "@/components/sources/source-admin";
import { ScheduleForm } from "@/components/sources/schedule-form";
import { UnmatchedWorkloads } from "@/components/sources/unmatched-workloads";
import { Fact } from "@/components/ui/fact";

function Time({ iso, f }: { iso: string; f: Formatters }) {
  return (
    <time dateTime={iso} title={f.relative(iso)}>
      {f.dateTime(iso)}
    </time>
  );
}

/** One source and what a platform engineer watches about it; never a credential, only where it comes from. */
export function SourceCard(props: {
  source: SourceSummary;
  f: Formatters;
  /** The reader's locale and the render time, for the live parts formatted in the browser. */
  locale: string;
  renderedAt: string;
  highlight: boolean;
  /** What the reader may do: administer the source (admin), scan it now (maintainer of every team). */
  can: { admin: boolean; scan: boolean };
}) {
  const { source: s, f, highlight } = props;
  return (
    <li
      data-testid="source-row"
      aria-labelledby={`source-${s.id}`}
      className={`rounded border bg-white p-4 dark:bg-slate-900 ${highlight ? "border-sky-600 dark:border-sky-500" : "border-slate-200 dark:border-slate-800"}`}
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={`source-${s.id}`} className="text-lg font-semibold">
          {s.name}{" "}
          <span className="ml-1 rounded bg-slate-100 px-1.5 py-0.5 align-middle text-xs font-normal text-slate-800 dark:bg-slate-800 dark:text-slate-200">
            {s.kindLabel}
          </span>
          {s.pausedAt ? (
            <span className="ml-1 rounded bg-amber-100 px-1.5 py-0.5 align-middle text-xs font-normal text-amber-900 dark:bg-amber-950 dark:text-amber-200">
              paused
            </span>
          ) : null}
        </h2>
        {props.can.scan ? <ScanNowButton sourceId={s.id} sourceName={s.name} /> : null}
      </div>
      <p className="mt-1 break-all font-mono text-xs text-slate-700 dark:text-slate-300">
        {s.location}
        {s.credentials ? <span className="font-sans text-slate-600 dark:text-slate-300"> · {s.credentials}</span> : null}
      </p>
      <dl className="mt-3 grid gap-4 text-sm sm:grid-cols-2 lg:grid-cols-4">
        <Fact term="Schedule (UTC)">
          <span className="font-mono text-xs">{s.schedule ?? "on demand"}</span>
          <span className="block text-xs text-slate-600 dark:text-slate-300">
            {s.pausedAt ? (
              <>
                paused since <Time iso={s.pausedAt} f={f} />: no scheduled scans
              </>
            ) : s.nextScanAt ? (
              <>
                next <Time iso={s.nextScanAt} f={f} /> ({f.relative(s.nextScanAt)})
              </>
            ) : s.schedule ? (
              "never fires: check the expression"
            ) : (
              "scanned only when asked"
            )}
          </span>
        </Fact>
        <Fact term="Last scan">
          <LastScanFact sourceId={s.id} initial={s.lastScan} locale={props.locale} renderedAt={props.renderedAt} />
        </Fact>
        <Fact term="Services">
          <span className="tabular-nums">{f.number(s.services)}</span>
        </Fact>
        {s.workloads ? (
          <Fact term="Workloads">
            <span className="tabular-nums">{f.number(s.workloads.total)}</span>
            <span
              className={`block text-xs ${s.workloads.unmapped ? "text-amber-900 dark:text-amber-200" : "text-slate-600 dark:text-slate-300"}`}
            >
              {f.number(s.workloads.unmapped)} unmapped (no repository service claims them)
            </span>
          </Fact>
        ) : null}
        {s.tracksRateLimit ? (
          <Fact term="Rate limit">
            {s.rateLimit ? (
              <>
                <span className="tabular-nums">
                  {f.number(s.rateLimit.remaining)}
                  {s.rateLimit.limit !== null ? ` / ${f.number(s.rateLimit.limit)}` : ""} left
                </span>
                {s.rateLimit.exhausted ? (
                  <span className="ml-1 rounded bg-red-100 px-1.5 py-0.5 text-xs text-red-900 dark:bg-red-950 dark:text-red-200">
                    exhausted
                  </span>
                ) : null}
                <span className="block text-xs text-slate-600 dark:text-slate-300">
                  resets <Time iso={s.rateLimit.resetAt} f={f} />
                </span>
              </>
            ) : (
              <span className="text-slate-600 dark:text-slate-300">no reading yet</span>
            )}
          </Fact>
        ) : null}
      </dl>
      {s.repositories ? <RepositoryCounts repositories={s.repositories} f={f} /> : null}
      <UnmatchedWorkloads unmatched={s.unmatched} f={f} />
      {props.can.admin ? (
        <>
          <details className="mt-3 text-sm">
            <summary className="cursor-pointer text-sky-800 dark:text-sky-300">Change schedule</summary>
            <div className="mt-2">
              <ScheduleForm sourceId={s.id} sourceName={s.name} schedule={s.schedule} />
            </div>
          </details>
          <SourceAdmin sourceId={s.id} sourceName={s.name} paused={s.pausedAt !== null} />
        </>
      ) : null}
    </li>
  );
}
