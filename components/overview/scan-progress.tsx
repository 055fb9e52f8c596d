"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { describeScanProgress } from "@/lib/scans/describe-scan-progress";
import { useRecentScans } from "@/lib/scans/use-recent-scans";

/**
 * Live progress of running scans. When a scan finishes, the server-rendered page is refreshed so the
 * new scores appear without a manual reload.
 */
export function ScanProgress() {
  const { data } = useRecentScans();
  const router = useRouter();
  const active = data?.filter((s) => s.status === "queued" || s.status === "running") ?? [];
  const wasActive = useRef(false);
  useEffect(() => {
    if (wasActive.current && active.length === 0) router.refresh();
    wasActive.current = active.length > 0;
  }, [active.length, router]);
  if (active.length === 0) return null;
  return (
    <div
      role="status"
      className="mb-4 rounded border border-sky-200 bg-sky-50 p-3 text-sm text-sky-950 dark:border-sky-800 dark:bg-sky-950 dark:text-sky-100"
    >
      {active.map((s) => (
        <p key={s.id}>
          Scanning <strong>{s.source}</strong>: {describeScanProgress(s)}…
        </p>
      ))}
    </div>
  );
}
