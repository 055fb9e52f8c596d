import type { z } from "zod";
import { db } from "@/lib/db";
import { findSourceKind } from "@/lib/sources/kinds/registry";
import type { SourceSummary } from "@/lib/sources/list-sources";
import { toApiConfig } from "@/lib/api/source-config";
import type { sourceSchema } from "@/lib/api/schemas/sources";

/**
 * Sources as the v1 API answers them: each summary with its kind's config in the shape `POST /api/v1/sources`
 * takes it (what the kind rebuilds from the stored row, so environment variable names and paths, never a
 * credential's value), read in one query for the whole page.
 */
export async function withSourceConfigs(opts: { sources: SourceSummary[] }): Promise<z.input<typeof sourceSchema>[]> {
  const rows = await db().source.findMany({
    where: { id: { in: opts.sources.map((s) => s.id) } },
    select: { id: true, kind: true, name: true, schedule: true, location: true, config: true },
  });
  const configs = new Map(
    rows.map((row) => {
      const kind = findSourceKind(row.kind);
      return [row.id, kind ? toApiConfig(kind, kind.fromSource(row)) : {}];
    }),
  );
  // The summary's last scan status is the ScanStatus column typed loosely as a string.
  return opts.sources.map((s) => ({ ...s, config: configs.get(s.id) ?? {} })) as z.input<typeof sourceSchema>[];
}
