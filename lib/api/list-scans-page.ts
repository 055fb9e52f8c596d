import type { z } from "zod";
import { listScans } from "@/lib/scans/list-scans";
import { nextBeforeId, readBeforeId } from "@/lib/api/page-position";
import type { scanList, scanListQuery } from "@/lib/api/schemas/scans";

/** `GET /api/v1/scans`: scans newest first (optionally one source's or in one state), paged by id. */
export async function listScansPage(opts: { query: z.output<typeof scanListQuery> }): Promise<z.input<typeof scanList>> {
  const { limit, cursor, sourceId, status } = opts.query;
  const rows = await listScans({ take: limit + 1, beforeId: readBeforeId(cursor), sourceId, status });
  return { items: rows.slice(0, limit), nextCursor: nextBeforeId({ ids: rows.map((r) => r.id), limit }) };
}
