import { z } from "zod";

/**
 * The one error body of the v1 API, whatever went wrong: a stable machine-readable `code`, a sentence for a
 * person and, for a refused request, what is wrong with each field ("config.namespaces.0", "cursor").
 */
export const apiErrorBody = z
  .object({
    error: z.object({
      code: z.enum(["invalid_request", "unauthenticated", "forbidden", "not_found", "conflict", "rate_limited", "internal"]),
      message: z.string(),
      fields: z.record(z.string(), z.string()).optional(),
    }),
  })
  .meta({ id: "Error" });
export type ApiErrorBody = z.infer<typeof apiErrorBody>;
export type ApiErrorCode = ApiErrorBody["error"]["code"];

/** The largest page any list answers; a bigger `limit` is refused, not silently cut. */
export const MAX_PAGE_LIMIT = 200;

/** `?limit=&cursor=` of every list: the page size and where to resume (a previous page's `nextCursor`). */
export const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_LIMIT).default(50).meta({ description: "Items per page (1–200)." }),
  cursor: z
    .string()
    .min(1)
    .max(500)
    .optional()
    .meta({ description: "Opaque: the `nextCursor` of the previous page. Omit for the first page." }),
});
export type PageQuery = z.infer<typeof pageQuery>;

/** A page of a list: its items and the cursor of the next page (null on the last). */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    nextCursor: z.string().nullable().meta({ description: "Pass as `cursor` for the next page; null on the last page." }),
  });
}

/** A list that also says how many items match (the services list: what the heatmap's pager shows). */
export function countedPageOf<T extends z.ZodType>(item: T) {
  return pageOf(item).extend({ total: z.number().int().min(0).meta({ description: "How many items match, over all pages." }) });
}

/** A point in time as the API writes it: ISO 8601 in UTC. */
export const timestamp = z.iso.datetime();
