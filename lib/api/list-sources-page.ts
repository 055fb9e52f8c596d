import type { z } from "zod";
import { getSource } from "@/lib/sources/get-source";
import { listSources } from "@/lib/sources/list-sources";
import { nextOffset, readOffset } from "@/lib/api/page-position";
import type { PageQuery } from "@/lib/api/schemas/common";
import type { sourceList, sourceSchema } from "@/lib/api/schemas/sources";

// The summary's scan status is the ScanStatus column typed loosely as a string.
type Source = z.input<typeof sourceSchema>;

/** `GET /api/v1/sources`: sources by name (deleted ones left out), each with its id, schedule and last scan; paged in memory (sources are few). */
export async function listSourcesPage(opts: { query: PageQuery }): Promise<z.input<typeof sourceList>> {
  const offset = readOffset(opts.query.cursor);
  const sources = (await listSources()) as Source[];
  const items = sources.slice(offset, offset + opts.query.limit);
  return { items, nextCursor: nextOffset({ offset, returned: items.length, total: sources.length }) };
}

/** `GET /api/v1/sources/{id}`: one source; NotFoundError for an unknown or deleted one. */
export async function getSourceById(opts: { id: number }): Promise<Source> {
  return (await getSource({ id: opts.id })) as Source;
}
