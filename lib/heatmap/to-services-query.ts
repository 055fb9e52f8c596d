import { HEATMAP_PAGE_SIZE } from "@/lib/heatmap/read-heatmap-search";
import { offsetCursor } from "@/lib/text/page-cursor";

/**
 * The overview's query string (filters, sort, `page`, `size`) as `GET /api/v1/services` takes it: the same
 * filters and sort, `limit` for the page size and a cursor at the page's offset. Shared by the heatmap's
 * client and the redirect from the old `/api/heatmap`, so both ask for the same page.
 */
export function toServicesQuery(opts: { queryString: string }): string {
  const params = new URLSearchParams(opts.queryString);
  const size = Number(params.get("size") ?? HEATMAP_PAGE_SIZE) || HEATMAP_PAGE_SIZE;
  const page = Math.max(1, Number(params.get("page") ?? 1) || 1);
  params.delete("page");
  params.delete("size");
  params.set("limit", String(size));
  if (page > 1) params.set("cursor", offsetCursor((page - 1) * size));
  return params.toString();
}
