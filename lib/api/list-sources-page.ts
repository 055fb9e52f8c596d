import type { z } from "zod";
import { NotFoundError } from "@/lib/errors";
import { listSources } from "@/lib/sources/list-sources";
import { nextOffset, readOffset } from "@/lib/api/page-position";
import type { PageQuery } from "@/lib/api/schemas/common";
import type { sourceList, sourceSchema } from "@/lib/api/schemas/sources";

// The summary's scan status is the ScanStatus column typed loosely as a string.
type Source = z.input<typeof sourceSchema>;

/** `GET /api/v1/sources`: sources by name, each with its id, schedule and last scan (sources are few: paged in memory). */
export async function listSourcesPage(opts: { query: PageQuery }): Promise<z.input<typeof sourceList>> {
  const offset = readOffset(opts.query.cursor);
  const sources = (await listSources()) as Source[];
  const items = sources.slice(offset, offset + opts.query.limit);
  return { items, nextCursor: nextOffset({ offset, returned: items.length, total: sources.length }) };
}

/** `GET /api/v1/sources/{id}`: one source; NotFoundError for an unknown id. */
export async function getSourceById(opts: { id: number }): Promise<z.input<typeof sourceSchema>> {
  const source = ((await listSources()) as Source[]).find((s) => s.id === opts.id);
  if (!source) throw new NotFoundError(`no source with id ${opts.id}`);
  return source;
}
