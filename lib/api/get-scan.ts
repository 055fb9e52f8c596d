import type { z } from "zod";
import { NotFoundError } from "@/lib/errors";
import { findScan } from "@/lib/scans/find-scan";
import { listScanTargets } from "@/lib/scans/list-scan-targets";
import { nextAfterId, readAfterId } from "@/lib/api/page-position";
import type { PageQuery } from "@/lib/api/schemas/common";
import type { scanDetail } from "@/lib/api/schemas/scans";

/** `GET /api/v1/scans/{id}`: the scan and one page of its targets with their status; NotFoundError for an unknown id. */
export async function getScan(opts: { id: number; query: PageQuery }): Promise<z.input<typeof scanDetail>> {
  const scan = await findScan({ id: opts.id });
  if (!scan) throw new NotFoundError(`no scan with id ${opts.id}`);
  const { limit, cursor } = opts.query;
  const targets = await listScanTargets({ scanId: scan.id, take: limit + 1, afterId: readAfterId(cursor) });
  return { ...scan, targets: { items: targets.slice(0, limit), nextCursor: nextAfterId({ ids: targets.map((t) => t.id), limit }) } };
}
