// GET /api/heatmap – one page of the overview's services × factors heatmap for the filters, sort and page in the query
import { NextResponse } from "next/server";
import { getHeatmapRows } from "@/lib/heatmap/get-heatmap-rows";
import { heatmapSearch, searchEntries } from "@/lib/heatmap/read-heatmap-search";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const parsed = heatmapSearch.safeParse(searchEntries(new URL(request.url).searchParams));
  if (!parsed.success) {
    return NextResponse.json(
      { error: "invalid heatmap query", issues: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`) },
      { status: 400 },
    );
  }
  return NextResponse.json(await getHeatmapRows({ search: parsed.data }));
}
