import type { z } from "zod";
import { getHeatmapPage } from "@/lib/heatmap/get-heatmap-page";
import { qualifiedName } from "@/lib/services/qualified-name";
import { nextOffset, readOffset } from "@/lib/api/page-position";
import type { serviceList, ServiceListQuery } from "@/lib/api/schemas/services";

/**
 * `GET /api/v1/services`: one page of live services for the heatmap's filters and sort, read by the heatmap's
 * own query (so the API and the overview always list the same services in the same order), with the count.
 */
export async function listServices(opts: { query: ServiceListQuery }): Promise<z.input<typeof serviceList>> {
  const offset = readOffset(opts.query.cursor);
  const { rows, total } = await getHeatmapPage({ ...opts.query, page: 1, offset, pageSize: opts.query.limit });
  return {
    items: rows.map((r) => ({ ...r, qualifiedName: qualifiedName(r), scannedAt: r.scannedAt?.toISOString() ?? null })),
    total,
    nextCursor: nextOffset({ offset, returned: rows.length, total }),
  };
}
