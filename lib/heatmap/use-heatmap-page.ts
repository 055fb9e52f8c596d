"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { HeatmapData, HeatmapRow } from "@/lib/heatmap/get-heatmap-rows";
import { toServicesQuery } from "@/lib/heatmap/to-services-query";

/**
 * One heatmap page for a query string (the URL's). The server-rendered first page seeds its own key; while
 * another filter, sort or page loads, the previous rows stay on screen so the table does not collapse.
 */
export function useHeatmapPage(opts: { queryString: string; initial: { queryString: string; data: HeatmapData } }) {
  return useQuery({
    queryKey: ["heatmap", opts.queryString],
    queryFn: async ({ signal }): Promise<HeatmapData> => {
      const res = await fetch(`/api/v1/services?${toServicesQuery({ queryString: opts.queryString })}`, { signal });
      if (!res.ok) throw new Error(`heatmap: HTTP ${res.status}`);
      const { items, total } = (await res.json()) as { items: HeatmapRow[]; total: number };
      return { rows: items, total };
    },
    initialData: opts.queryString === opts.initial.queryString ? opts.initial.data : undefined,
    placeholderData: keepPreviousData,
  });
}
