import Link from "next/link";
import type { ReactNode } from "react";
import { FACTORS } from "@/lib/factors/factors";
import { isServiceKind, SERVICE_KIND_LABEL } from "@/lib/facts/service-kinds";
import type { OverviewService } from "@/lib/heatmap/heatmap-service";
import { qualifiedName } from "@/lib/services/qualified-name";
import { GradeBadge } from "@/components/ui/grade-badge";
import { ScoreCell, formatScore } from "@/components/ui/score-cell";

/**
 * The service column stays put while the factors scroll sideways inside the table's own box (a phone shows a
 * few factors at a time); an opaque background so scrolled cells pass beneath it.
 */
const STICKY = "sticky left-0 z-10 bg-white dark:bg-slate-900";

export interface HeatmapSort {
  /** "score", "name" or a factor id. */
  key: string;
  dir: "asc" | "desc";
  onSort: (key: string) => void;
}

/**
 * Services × factors: one row per service, each cell the factor's latest score. With `sort`, the service,
 * score and factor headers are buttons that sort by their column and announce the order (aria-sort).
 */
export function ServicesHeatmap({
  services,
  sort,
  caption,
  select,
}: {
  services: Omit<OverviewService, "scannedAt">[];
  sort?: HeatmapSort;
  caption?: string;
  /** Checkboxes for bulk actions: which slugs are checked, and what toggling one does. */
  select?: { checked: ReadonlySet<string>; onToggle: (slug: string) => void };
}) {
  return (
    <div className="relative overflow-x-auto rounded border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      <table className="heatmap w-full border-collapse text-sm">
        <caption className="sr-only">{caption ?? "Services and their factor scores, worst first"}</caption>
        <thead>
          <tr className="text-left text-xs text-slate-600 dark:text-slate-300">
            <SortableHeader sort={sort} column="name" label="Sort by service name" className={`${STICKY} px-3 py-2`}>
              Service
            </SortableHeader>
            <th scope="col" className="px-2 py-2">
              Repository
            </th>
            <th scope="col" className="px-2 py-2">
              Team
            </th>
            <th scope="col" className="px-2 py-2">
              Kind
            </th>
            <th scope="col" className="px-2 py-2">
              Tier
            </th>
            <SortableHeader sort={sort} column="score" label="Sort by score" className="px-2 py-2 text-right">
              Score
            </SortableHeader>
            <th scope="col" className="px-2 py-2">
              Grade
            </th>
            {FACTORS.map((f) =>
              sort ? (
                <SortableHeader
                  key={f.id}
                  sort={sort}
                  column={f.id}
                  label={`Sort by ${f.roman}. ${f.name}`}
                  className="px-1 py-2 text-center"
                >
                  <abbr title={f.name} className="no-underline">
                    {f.roman}
                  </abbr>
                </SortableHeader>
              ) : (
                <th key={f.id} scope="col" className="px-1 py-2 text-center" title={f.name}>
                  <Link href={`/factors/${f.id}`} className="hover:underline" aria-label={`${f.roman}. ${f.name}`}>
                    <abbr title={f.name} className="no-underline">
                      {f.roman}
                    </abbr>
                  </Link>
                </th>
              ),
            )}
          </tr>
        </thead>
        {/* Rows styled by .heatmap in globals.css, not utility lists: a page repeats them 50 times, each byte in
            the HTML and in React's payload. Each cell is named by its row (the service) and column (the factor)
            headers, as a table's cells are. */}
        <tbody>
          {services.map((s) => (
            <tr key={s.slug} data-testid="service-row">
              <th scope="row" data-testid="service-name-cell">
                {select ? (
                  <input
                    type="checkbox"
                    checked={select.checked.has(s.slug)}
                    onChange={() => select.onToggle(s.slug)}
                    aria-label={`Check ${qualifiedName(s)}`}
                  />
                ) : null}
                <Link href={`/services/${s.slug}`}>{s.name}</Link>
              </th>
              <td data-testid="service-repository">{s.repository ?? s.source}</td>
              <td>{s.team ?? "—"}</td>
              <td data-testid="service-kind">{kindLabel(s.kind)}</td>
              <td data-testid="heatmap-tier">{s.tier === null ? "—" : `Tier ${s.tier}`}</td>
              <td data-testid="service-score">{formatScore(s.score)}</td>
              <td>
                <GradeBadge grade={s.grade} />
              </td>
              {FACTORS.map((f) => (
                <ScoreCell key={f.id} score={s.factors[f.id]} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A kind in a word or two for the narrow column ("tool", not "tool (load generator, CLI)"); "—" when unknown. */
function kindLabel(kind: string | null): string {
  return isServiceKind(kind) ? SERVICE_KIND_LABEL[kind].replace(/ \(.*\)$/, "") : "—";
}

/** A column header that sorts by its column when clicked (a second click reverses); plain text without `sort`. */
function SortableHeader({
  sort,
  column,
  label,
  className,
  children,
}: {
  sort?: HeatmapSort;
  column: string;
  label: string;
  className: string;
  children: ReactNode;
}) {
  if (!sort)
    return (
      <th scope="col" className={className}>
        {children}
      </th>
    );
  const active = sort.key === column;
  const arrow = active ? (sort.dir === "asc" ? "▲" : "▼") : "";
  return (
    <th
      scope="col"
      className={className}
      aria-sort={active ? (sort.dir === "asc" ? "ascending" : "descending") : "none"}
      data-column={column}
    >
      <button
        type="button"
        onClick={() => sort.onSort(column)}
        aria-label={label}
        className={`inline-flex items-center gap-0.5 rounded px-0.5 hover:text-slate-950 hover:underline dark:hover:text-white ${active ? "font-bold text-slate-950 dark:text-white" : ""}`}
      >
        {children}
        <span aria-hidden="true" className="inline-block w-2 text-[0.6rem]">
          {arrow}
        </span>
      </button>
    </th>
  );
}
