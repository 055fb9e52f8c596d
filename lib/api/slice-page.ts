import { nextOffset, readOffset } from "@/lib/api/page-position";
import type { PageQuery } from "@/lib/api/schemas/common";

/**
 * One page of a list held in memory (the check catalogue is code; sources and teams are few), by the
 * offset in the query's cursor: the same cursors as every other offset-paged list.
 */
export function slicePage<T>(opts: { all: readonly T[]; query: PageQuery }): { items: T[]; nextCursor: string | null } {
  const offset = readOffset(opts.query.cursor);
  const items = opts.all.slice(offset, offset + opts.query.limit);
  return { items, nextCursor: nextOffset({ offset, returned: items.length, total: opts.all.length }) };
}
