import { useId } from "react";
import { HEATMAP_PAGE_SIZES } from "@/lib/heatmap/read-heatmap-search";

const count = new Intl.NumberFormat(undefined);

/** "Showing 51–100 of 10,000 services" with previous/next; the status line is polite so readers hear the new range. */
export function HeatmapPager({
  page,
  pageSize,
  total,
  shown,
  busy,
  onPage,
  onPageSize,
}: {
  page: number;
  pageSize: number;
  total: number;
  shown: number;
  busy: boolean;
  onPage: (page: number) => void;
  onPageSize: (size: number) => void;
}) {
  const id = useId();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const first = (page - 1) * pageSize + 1;
  const button =
    "rounded border border-slate-300 px-2 py-0.5 text-sm hover:bg-slate-100 disabled:cursor-not-allowed disabled:opacity-50 dark:border-slate-700 dark:hover:bg-slate-800";
  return (
    <nav
      aria-label="Heatmap pages"
      className="flex flex-wrap items-center justify-between gap-2 text-sm text-slate-700 dark:text-slate-300"
    >
      <p role="status" data-testid="heatmap-count" data-busy={busy} className="tabular-nums">
        {shown
          ? `Showing ${count.format(first)}–${count.format(first + shown - 1)} of ${count.format(total)} services`
          : `${count.format(total)} services`}
        <span className={busy ? "" : "invisible"}> · updating…</span>
      </p>
      <div className="flex items-center gap-2">
        <label htmlFor={`${id}-size`}>Rows per page</label>
        <select
          id={`${id}-size`}
          value={pageSize}
          onChange={(e) => onPageSize(Number(e.target.value))}
          className="rounded border border-slate-300 bg-white px-1 py-0.5 dark:border-slate-700 dark:bg-slate-900"
        >
          {HEATMAP_PAGE_SIZES.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
        <button type="button" className={button} disabled={page <= 1} onClick={() => onPage(page - 1)}>
          Previous
        </button>
        <span className="tabular-nums">
          Page {count.format(Math.min(page, pages))} of {count.format(pages)}
        </span>
        <button type="button" className={button} disabled={page >= pages} onClick={() => onPage(page + 1)}>
          Next
        </button>
      </div>
    </nav>
  );
}
