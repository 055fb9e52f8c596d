"use client";

import { useQuery } from "@tanstack/react-query";
import type { ScanSummary } from "@/lib/scans/list-recent-scans";

/** Recent scans, re-polled every 2 s while one is queued or running and left alone otherwise. */
export function useRecentScans(opts: { limit?: number; initialData?: ScanSummary[] } = {}) {
  const limit = opts.limit ?? 5;
  return useQuery({
    queryKey: ["scans", "recent", limit],
    queryFn: async (): Promise<ScanSummary[]> => {
      const res = await fetch(`/api/v1/scans?limit=${limit}`);
      if (!res.ok) throw new Error(`scans: HTTP ${res.status}`);
      return ((await res.json()) as { items: ScanSummary[] }).items;
    },
    initialData: opts.initialData,
    refetchInterval: (query) => (query.state.data?.some((s) => s.status === "queued" || s.status === "running") ? 2_000 : false),
  });
}
