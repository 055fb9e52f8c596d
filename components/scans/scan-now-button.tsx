"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";

/** Queues a scan of one source; the scans list picks up its progress through the shared query. */
export function ScanNowButton({ sourceId, sourceName }: { sourceId: number; sourceName: string }) {
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: async () => {
      const res = await fetch("/api/v1/scans", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ sourceId }),
      });
      if (!res.ok) throw new Error(((await res.json()) as { error?: { message?: string } }).error?.message ?? `HTTP ${res.status}`);
      // 202: a new scan; 200: the one already queued or running for this source.
      return { scanId: ((await res.json()) as { id: number }).id, alreadyRunning: res.status === 200 };
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["scans"] }),
  });
  return (
    <span className="inline-flex items-center gap-2">
      <button
        type="button"
        onClick={() => mutation.mutate()}
        disabled={mutation.isPending}
        className="rounded bg-sky-700 px-2 py-1 text-xs font-medium text-white hover:bg-sky-800 disabled:opacity-60"
        aria-label={`Scan now: ${sourceName}`}
      >
        {mutation.isPending ? "Queuing…" : "Scan now"}
      </button>
      <span role="status" className="text-xs text-slate-600 dark:text-slate-300">
        {mutation.isError
          ? `Failed: ${mutation.error.message}`
          : mutation.data
            ? mutation.data.alreadyRunning
              ? `Scan #${mutation.data.scanId} already running`
              : `Scan #${mutation.data.scanId} queued`
            : ""}
      </span>
    </span>
  );
}
