"use client";

import { useQuery } from "@tanstack/react-query";
import type { FindingGuide } from "@/lib/guides/get-finding-guide";

/**
 * A finding's guide, fetched the first time its card is opened (`enabled`) and kept for the visit: the page
 * ships no guide, so a service with sixty findings stays small and the highlighting runs once per guide on
 * the server (GET /api/v1/services/{slug}/findings/{ruleId}/guide). Guides change only with a scan.
 */
export function useFindingGuide(opts: { slug: string; ruleId: string; origin: "repository" | "cluster"; enabled: boolean }) {
  return useQuery({
    queryKey: ["guide", opts.slug, opts.origin, opts.ruleId],
    queryFn: async (): Promise<FindingGuide> => {
      const path = `/api/v1/services/${encodeURIComponent(opts.slug)}/findings/${encodeURIComponent(opts.ruleId)}/guide`;
      const res = await fetch(`${path}?origin=${opts.origin}`);
      if (!res.ok) throw new Error(`guide of ${opts.ruleId}: HTTP ${res.status}`);
      return (await res.json()) as FindingGuide;
    },
    enabled: opts.enabled,
    staleTime: Infinity,
    retry: 1,
  });
}
