import type { z } from "zod";
import type { AuditContext } from "@/lib/audit/record-audit-event";
import { NotFoundError } from "@/lib/errors";
import { getWebBoss } from "@/lib/jobs/get-web-boss";
import { db } from "@/lib/db";
import { requestScan } from "@/lib/persistence/scan-run/request-scan";
import { findScan } from "@/lib/scans/find-scan";
import type { scanSummary } from "@/lib/api/schemas/scans";

/**
 * `POST /api/v1/scans`: queues a scan of a source for the workers. A source already being scanned gets that
 * scan back (`created: false`) instead of a second one. NotFoundError for an unknown source.
 */
export async function startScanRequest(opts: {
  sourceId: number;
  audit: AuditContext;
}): Promise<{ scan: z.input<typeof scanSummary>; created: boolean }> {
  const source = await db().source.findUnique({ where: { id: opts.sourceId }, select: { id: true } });
  if (!source) throw new NotFoundError(`no source with id ${opts.sourceId}`);
  const { scanId, alreadyRunning } = await requestScan({
    boss: await getWebBoss(),
    sourceId: source.id,
    trigger: "api",
    audit: opts.audit,
  });
  const scan = await findScan({ id: scanId });
  if (!scan) throw new NotFoundError(`scan ${scanId} is gone`);
  return { scan, created: !alreadyRunning };
}
