import type { FactorId } from "@/lib/factors/factors";

/**
 * A service as the heatmap shows it: latest score and grade, and the latest score per factor. Read one page at
 * a time through getHeatmapPage (lib/rollups), never the whole fleet at once.
 */
export interface OverviewService {
  slug: string;
  name: string;
  path: string;
  /** The repository it lives in (`acme/shop`); null for a service only a cluster saw. */
  repository: string | null;
  /** What kind of service the latest scan found (lib/facts/service-kinds.ts); null before it or for a cluster-only service. */
  kind: string | null;
  /** Its tier, 1 (most critical) to 4; null without one. */
  tier: number | null;
  team: string | null;
  source: string;
  score: number | null;
  grade: string | null;
  scannedAt: Date | null;
  /** Latest score per factor; a missing key means no check of that factor applied. */
  factors: Partial<Record<FactorId, number | null>>;
}
