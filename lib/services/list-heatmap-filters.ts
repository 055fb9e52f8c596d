import { db } from "@/lib/db";

export interface HeatmapFilterOptions {
  teams: { slug: string; name: string }[];
  sources: string[];
}

/**
 * The choices of the heatmap's team and source filters: teams owning a live service and every source by
 * name. Two small queries over Team and Source (dozens of rows at fleet scale), none over Service's rows.
 */
export async function listHeatmapFilters(): Promise<HeatmapFilterOptions> {
  const [teams, sources] = await Promise.all([
    db().team.findMany({
      where: { services: { some: { goneAt: null } } },
      select: { slug: true, name: true },
      orderBy: { name: "asc" },
    }),
    db().source.findMany({ select: { name: true }, orderBy: { name: "asc" } }),
  ]);
  return { teams, sources: sources.map((s) => s.name) };
}
