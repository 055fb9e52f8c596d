import { Prisma } from "@/lib/generated/prisma/client";
import { LATEST_FLEET_ROLLUP } from "@/lib/db/latest-fleet-rollup-sql";
import { isServiceKind, SERVICE_KIND_LABEL, SERVICE_KIND_NAMES } from "@/lib/facts/service-kinds";
import type { ServiceKindName } from "@/lib/facts/types";
import { findRule } from "@/lib/rules/registry";

/** SQL: how many live services no team owns (one probe of the (goneAt, teamId) index). */
export const UNOWNED_COUNT_SQL = Prisma.sql`(SELECT count(*)::int FROM "Service" s WHERE s."goneAt" IS NULL AND s."teamId" IS NULL)`;

export interface HeatmapFilterOptions {
  teams: { slug: string; name: string }[];
  /** Live services no team owns: the Unowned bucket's count. */
  unowned: number;
  sources: string[];
  /** Kinds of at least one live service, in SERVICE_KIND_NAMES order, each with its label. */
  kinds: { id: ServiceKindName; label: string }[];
  /** Checks failing in at least one live service (the latest fleet rollup's), by id. */
  checks: { id: string; title: string; factor: string | null }[];
}

/**
 * JSON fragment: the choices of the heatmap's filters: teams owning a live service, every source by name,
 * the kinds of live services, and the ids of the checks some live service fails. Reads Team and Source
 * (dozens of rows at fleet scale) and the latest fleet rollup; each team's "owns a live service" is one
 * probe of the (goneAt, teamId) index and each kind's "is a live service's" one probe of (goneAt, kind),
 * never a scan of Service's rows. Check titles and kind labels are added by toHeatmapFilters.
 */
export function heatmapFiltersSql(): Prisma.Sql {
  const kinds = Prisma.join(SERVICE_KIND_NAMES.map((k) => Prisma.sql`${k}::text`));
  return Prisma.sql`json_build_object(
    'teams', COALESCE((SELECT json_agg(json_build_object('slug', t."slug", 'name', t."name") ORDER BY t."name", t."slug") FROM "Team" t
      WHERE EXISTS (SELECT 1 FROM "Service" s WHERE s."teamId" = t."id" AND s."goneAt" IS NULL)), '[]'::json),
    'unowned', ${UNOWNED_COUNT_SQL},
    'sources', COALESCE((SELECT json_agg(src."name" ORDER BY src."name") FROM "Source" src), '[]'::json),
    'kinds', COALESCE((SELECT json_agg(k.kind ORDER BY k.n) FROM unnest(ARRAY[${kinds}]) WITH ORDINALITY AS k(kind, n)
      WHERE EXISTS (SELECT 1 FROM "Service" s WHERE s."goneAt" IS NULL AND s."kind" = k.kind)), '[]'::json),
    'checks', COALESCE((SELECT json_agg(c."key" ORDER BY c."key") FROM
      ${LATEST_FLEET_ROLLUP} f CROSS JOIN LATERAL jsonb_each(f."checks") c
      WHERE (c."value" ->> 'failed')::int > 0), '[]'::json))`;
}

/**
 * JSON of heatmapFiltersSql → choices, each check with its catalogue title and factor (a custom check keeps its
 * id), each kind with its label.
 */
export function toHeatmapFilters(value: {
  teams: HeatmapFilterOptions["teams"];
  unowned?: number;
  sources: string[];
  kinds: string[];
  checks: string[];
}): HeatmapFilterOptions {
  const checks = value.checks.map((id) => {
    const rule = findRule(id);
    return { id, title: rule?.title ?? id, factor: rule?.factor ?? null };
  });
  const kinds = value.kinds.filter(isServiceKind).map((id) => ({ id, label: SERVICE_KIND_LABEL[id] }));
  return { teams: value.teams, unowned: value.unowned ?? 0, sources: value.sources, kinds, checks };
}
