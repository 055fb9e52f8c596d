import { ValidationError } from "@/lib/errors";
import { decodeCursor, encodeCursor } from "@/lib/text/page-cursor";

const badCursor = () =>
  new ValidationError("invalid query: cursor is not one this API gave out", {
    fields: { cursor: "not a cursor this API gave out; pass a page's nextCursor" },
    issues: ["cursor: not a cursor this API gave out"],
  });

/** Where an offset-paged list resumes: 0 without a cursor; a cursor that is not ours is a 400, never page one. */
export function readOffset(cursor: string | undefined): number {
  if (cursor === undefined) return 0;
  const o = decodeCursor(cursor)?.o;
  if (typeof o !== "number" || !Number.isSafeInteger(o) || o < 0) throw badCursor();
  return o;
}

/** The next page's cursor of an offset-paged list, null when this page reached the end. */
export function nextOffset(opts: { offset: number; returned: number; total: number }): string | null {
  const next = opts.offset + opts.returned;
  return opts.returned > 0 && next < opts.total ? encodeCursor({ o: next }) : null;
}

/**
 * Where a list paged by descending id resumes (scans, a scan's targets): keyset, so a scan started while a
 * client pages never shifts the pages it has not read yet. Undefined without a cursor.
 */
export function readBeforeId(cursor: string | undefined): number | undefined {
  if (cursor === undefined) return undefined;
  const id = decodeCursor(cursor)?.before;
  if (typeof id !== "number" || !Number.isSafeInteger(id) || id < 1) throw badCursor();
  return id;
}

/** The next page's cursor of a list paged by descending id: `rows` holds limit + 1 rows when there is more. */
export function nextBeforeId(opts: { ids: number[]; limit: number }): string | null {
  const last = opts.ids[opts.limit - 1];
  return opts.ids.length > opts.limit && last !== undefined ? encodeCursor({ before: last }) : null;
}

/** Ascending-id keyset (a scan's targets in the order they were recorded). */
export function readAfterId(cursor: string | undefined): number | undefined {
  if (cursor === undefined) return undefined;
  const id = decodeCursor(cursor)?.after;
  if (typeof id !== "number" || !Number.isSafeInteger(id) || id < 0) throw badCursor();
  return id;
}

/** The next page's cursor of a list paged by ascending id: `ids` holds limit + 1 rows when there is more. */
export function nextAfterId(opts: { ids: number[]; limit: number }): string | null {
  const last = opts.ids[opts.limit - 1];
  return opts.ids.length > opts.limit && last !== undefined ? encodeCursor({ after: last }) : null;
}
