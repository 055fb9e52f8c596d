"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/**
 * Re-renders a server page every `intervalMs` while what it shows is still changing (a queued or running
 * scan), and stops once it is not: the page reads the database itself, so no second API shape is needed.
 */
export function RefreshWhileActive({ active, intervalMs = 2_000 }: { active: boolean; intervalMs?: number }) {
  const router = useRouter();
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => router.refresh(), intervalMs);
    return () => clearInterval(timer);
  }, [active, intervalMs, router]);
  return null;
}
