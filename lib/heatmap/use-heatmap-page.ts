"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { HeatmapData, HeatmapRow } from "@/lib/heatmap/get-heatmap-rows";
import { HEATMAP_PAGE_SIZE } from "@/lib/heatmap/read-heatmap-search";
import { offsetCursor } from "@/lib/text/page-cursor";

/** The overview's query string (`page`, `size`) as the v1 services list takes it (`limit`, a cursor at the page's offset). */
function toServicesQuery(queryString: string): string {
  const params = new URLSearchParams(queryString);
  const size = Number(params.get("size") ?? HEATMAP_PAGE_SIZE) || HEATMAP_PAGE_SIZE;
  const page = Math.max(1, Number(params.get("page") ?? 1) || 1);
  params.delete("page");
  params.delete("size");
  params.set("limit", String(size));
  if (page > 1) params.set("cursor", offsetCursor((page - 1) * size));
  return params.toString();
}

/**
 * One heatmap page for a query string (the URL's). The server-rendered first page seeds its own key; while
 * another filter, sort or page loads, the previous rows stay on screen so the table does not collapse.
 */
export function useHeatmapPage(opts: { queryString: string; initial: { queryString: string; data: HeatmapData } }) {
  return useQuery({
    queryKey: ["heatmap", opts.queryString],
    queryFn: async ({ signal }): Promise<HeatmapData> => {
      const res = await fetch(`/api/v1/services?${toServicesQuery(opts.queryString)}`, { signal });
      if (!res.ok) throw new Error(`heatmap: HTTP ${res.status}`);
      const { items, total } = (await res.json()) as { items: HeatmapRow[]; total: number };
      return { rows: items, total };
    },
    initialData: opts.queryString === opts.initial.queryString ? opts.initial.data : undefined,
    placeholderData: keepPreviousData,
  });
}
