import { selectJson } from "@/lib/db/select-json";
import { Prisma } from "@/lib/generated/prisma/client";

export interface HeatmapFilterOptions {
  teams: { slug: string; name: string }[];
  sources: string[];
}

/**
 * JSON fragment: the choices of the heatmap's team and source filters, teams owning a live service and
 * every source, by name. Reads Team and Source (dozens of rows at fleet scale); each team's "owns a live
 * service" is one probe of the (goneAt, teamId) index, never a scan of Service's rows.
 */
export function heatmapFiltersSql(): Prisma.Sql {
  return Prisma.sql`json_build_object(
    'teams', COALESCE((SELECT json_agg(json_build_object('slug', t."slug", 'name', t."name") ORDER BY t."name", t."slug") FROM "Team" t
      WHERE EXISTS (SELECT 1 FROM "Service" s WHERE s."teamId" = t."id" AND s."goneAt" IS NULL)), '[]'::json),
    'sources', COALESCE((SELECT json_agg(src."name" ORDER BY src."name") FROM "Source" src), '[]'::json))`;
}

/** The heatmap's filter choices (see heatmapFiltersSql). */
export async function listHeatmapFilters(): Promise<HeatmapFilterOptions> {
  return selectJson(heatmapFiltersSql());
}
