import type { z } from "zod";
import { listSources } from "@/lib/sources/list-sources";
import { slicePage } from "@/lib/api/slice-page";
import { withSourceConfigs } from "@/lib/api/with-source-configs";
import type { PageQuery } from "@/lib/api/schemas/common";
import type { sourceList } from "@/lib/api/schemas/sources";

/** `GET /api/v1/sources`: sources by name (deleted ones left out), each with its id, schedule, last scan and config; paged in memory (sources are few). */
export async function listSourcesPage(opts: { query: PageQuery }): Promise<z.input<typeof sourceList>> {
  const { items, nextCursor } = slicePage({ all: await listSources(), query: opts.query });
  return { items: await withSourceConfigs({ sources: items }), nextCursor };
}
