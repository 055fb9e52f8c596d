"use client";

import { useQuery } from "@tanstack/react-query";
import type { ScanSummary } from "@/lib/scans/list-recent-scans";

/** A source's latest scan as its card shows it. */
export type LastScan = Omit<ScanSummary, "source">;

const ACTIVE = new Set(["queued", "running"]);

/**
 * A source's latest scan, re-read every 2 s while it is queued or running (so the card shows when a worker
 * picks a queued scan up, and its progress), and left alone otherwise. Under the ["scans"] key, so "scan
 * now" (which invalidates it) makes the card show the new scan at once.
 */
export function useSourceLastScan(opts: { sourceId: number; initialData: LastScan | null }) {
  return useQuery({
    queryKey: ["scans", "source", opts.sourceId],
    queryFn: async (): Promise<LastScan | null> => {
      const res = await fetch(`/api/v1/sources/${opts.sourceId}`);
      if (!res.ok) throw new Error(`source ${opts.sourceId}: HTTP ${res.status}`);
      return ((await res.json()) as { lastScan: LastScan | null }).lastScan;
    },
    initialData: opts.initialData,
    // The server rendered it a moment ago: refetch on an interval, not at once on mount.
    staleTime: 2_000,
    refetchInterval: (query) => (query.state.data && ACTIVE.has(query.state.data.status) ? 2_000 : false),
  });
}
