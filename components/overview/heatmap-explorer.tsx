"use client";

import Link from "next/link";
import { useQueryClient } from "@tanstack/react-query";
import { useRouter, useSearchParams } from "next/navigation";
import { useCallback, useEffect, useState } from "react";
import { FACTORS } from "@/lib/factors/factors";
import { useHeatmapPage } from "@/lib/heatmap/use-heatmap-page";
import type { HeatmapData } from "@/lib/heatmap/get-heatmap-rows";
import type { HeatmapFilterOptions } from "@/lib/heatmap/list-heatmap-filters";
import { readHeatmapSearch, toHeatmapQueryString, type HeatmapFilter, type HeatmapSearch } from "@/lib/heatmap/read-heatmap-search";
import { ServicesHeatmap } from "@/components/overview/services-heatmap";
import { HeatmapFilters } from "@/components/overview/heatmap-filters";
import { HeatmapPager } from "@/components/overview/heatmap-pager";
import { CsvLink } from "@/components/ui/csv-link";
import { BulkAssignForm } from "@/components/overview/bulk-assign-form";

/**
 * The overview's heatmap with its filters, sort and pager. The URL is the state: every change is pushed
 * with the History API (Next's router keeps useSearchParams in step, back/forward included) and the rows
 * come from /api/v1/services through TanStack Query, so the rest of the server-rendered page is not re-run.
 */
export function HeatmapExplorer({
  initial,
  options,
  assignTeams,
}: {
  initial: { queryString: string; data: HeatmapData };
  options: HeatmapFilterOptions;
  /** Every team, for a reader who may assign owners (checkboxes and "Assign to team"); absent: no bulk actions. */
  assignTeams?: { slug: string; name: string }[];
}) {
  const [checked, setChecked] = useState<ReadonlySet<string>>(new Set());
  const router = useRouter();
  const toggle = (slug: string) =>
    setChecked((prev) => {
      const next = new Set(prev);
      if (!next.delete(slug)) next.add(slug);
      return next;
    });
  const search = readHeatmapSearch(useSearchParams());
  const queryString = toHeatmapQueryString(search);
  const { data, isFetching, isPlaceholderData, isError, refetch } = useHeatmapPage({ queryString, initial });
  const queryClient = useQueryClient();
  // A refresh after a scan renders the server's fresh first page: it replaces what the cache held.
  useEffect(() => {
    queryClient.setQueryData(["heatmap", initial.queryString], initial.data);
  }, [queryClient, initial]);

  const go = useCallback((next: HeatmapSearch, opts: { replace?: boolean } = {}) => {
    const qs = toHeatmapQueryString(next);
    const url = `${window.location.pathname}${qs ? `?${qs}` : ""}`;
    if (opts.replace) window.history.replaceState(null, "", url);
    else window.history.pushState(null, "", url);
  }, []);
  const onFilter = useCallback(
    (filter: HeatmapFilter, value: string, opts?: { replace?: boolean }) =>
      go({ ...readHeatmapSearch(new URLSearchParams(window.location.search)), [filter]: value || undefined, page: 1 }, opts),
    [go],
  );
  const onSort = (key: string) =>
    go({ ...search, sort: key as HeatmapSearch["sort"], dir: search.sort === key && search.dir === "asc" ? "desc" : "asc", page: 1 });
  const filtered = Boolean(search.team || search.source || search.kind || search.grade || search.factor || search.check || search.q);
  const clear = () => go({ sort: search.sort, dir: search.dir, page: 1, size: search.size });
  const rows = data?.rows ?? [];
  const total = data?.total ?? 0;
  const busy = isFetching && (isPlaceholderData || !data);
  const sortName = search.sort === "score" ? "score" : search.sort === "name" ? "name" : FACTORS.find((f) => f.id === search.sort)?.name;

  return (
    <section aria-labelledby="heatmap-heading" className="space-y-3">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="heatmap-heading" className="font-semibold">
          Services × factors
        </h2>
        <CsvLink table="services" params={Object.fromEntries(new URLSearchParams(toHeatmapQueryString({ ...search, page: 1 })))} />
      </div>
      <HeatmapFilters search={search} options={options} onChange={onFilter} />
      {assignTeams ? (
        <BulkAssignForm
          selected={[...checked]}
          teams={assignTeams}
          onDone={() => {
            setChecked(new Set());
            void queryClient.invalidateQueries({ queryKey: ["heatmap"] });
            router.refresh();
          }}
        />
      ) : null}
      <HeatmapPager
        page={search.page}
        pageSize={search.size}
        total={total}
        shown={rows.length}
        busy={busy}
        onPage={(page) => go({ ...search, page })}
        onPageSize={(size) => go({ ...search, size, page: 1 })}
      />
      {isError ? (
        <div role="alert" className="rounded border border-red-300 p-4 text-sm text-red-900 dark:border-red-800 dark:text-red-200">
          The heatmap could not be loaded.{" "}
          <button type="button" onClick={() => refetch()} className="underline">
            Try again
          </button>
        </div>
      ) : rows.length === 0 && data ? (
        <div
          className="rounded border border-dashed border-slate-300 p-8 text-center text-slate-700 dark:border-slate-700 dark:text-slate-300"
          data-testid="heatmap-empty"
        >
          <p className="font-medium">
            {total > 0 ? "This page is past the last service." : filtered ? "No services match these filters." : "No services yet."}
          </p>
          {filtered ? (
            <button type="button" onClick={clear} className="mt-2 rounded bg-sky-700 px-3 py-1 text-sm text-white hover:bg-sky-800">
              Clear filters
            </button>
          ) : total > 0 ? (
            <button
              type="button"
              onClick={() => go({ ...search, page: 1 })}
              className="mt-2 rounded bg-sky-700 px-3 py-1 text-sm text-white hover:bg-sky-800"
            >
              First page
            </button>
          ) : null}
        </div>
      ) : (
        <div aria-busy={busy} className={`transition-opacity ${busy ? "opacity-60" : ""}`}>
          <ServicesHeatmap
            services={rows}
            caption={`Services and their factor scores, by ${sortName ?? "score"} ${search.dir === "asc" ? "ascending" : "descending"}`}
            sort={{ key: search.sort, dir: search.dir, onSort }}
            {...(assignTeams ? { select: { checked, onToggle: toggle } } : {})}
          />
        </div>
      )}
      <FactorLegend />
    </section>
  );
}

/** The factor columns spelled out, each a link to its page (the headers sort, so they cannot also navigate). */
function FactorLegend() {
  return (
    <ul aria-label="Factors" className="flex flex-wrap gap-x-3 gap-y-1 text-xs text-slate-700 dark:text-slate-300">
      {FACTORS.map((f) => (
        <li key={f.id}>
          <Link href={`/factors/${f.id}`} className="hover:underline">
            {f.roman}. {f.name}
          </Link>
        </li>
      ))}
    </ul>
  );
}
