import { getHeatmapPage } from "@/lib/heatmap/get-heatmap-page";
import type { OverviewService } from "@/lib/heatmap/heatmap-service";
import type { HeatmapSearch } from "@/lib/heatmap/read-heatmap-search";

/** A heatmap row as it crosses to the browser (the scan time stays behind: JSON would turn it into a string). */
export type HeatmapRow = Omit<OverviewService, "scannedAt">;

export interface HeatmapData {
  rows: HeatmapRow[];
  total: number;
}

/** A heatmap page as the browser gets it: rows without their scan time. */
export function toHeatmapData(page: { rows: OverviewService[]; total: number }): HeatmapData {
  return { total: page.total, rows: page.rows.map(({ scannedAt: _scannedAt, ...row }) => row) };
}

/** One page of the heatmap for a URL state (its page size unless `pageSize` overrides it), as the CSV export reads it. */
export async function getHeatmapRows(opts: { search: HeatmapSearch; pageSize?: number; countTotal?: boolean }): Promise<HeatmapData> {
  return toHeatmapData(await getHeatmapPage({ ...opts.search, pageSize: opts.pageSize ?? opts.search.size, countTotal: opts.countTotal }));
}
