import { db } from "@/lib/db";
import { QUEUES, scanSourcePayload } from "@/lib/jobs/queues";
import { finishScan } from "@/lib/persistence/finish-scan";
import { SCANNERS } from "@/lib/sources/kinds/registry";
import { defineJob } from "@/lib/jobs/define-job";

/**
 * Scans one source with the scanner of its kind. Idempotent: a finished scan is left alone, and a retried
 * one skips the targets its killed predecessor already wrote (persistTargetResult is keyed by target).
 */
export const scanSourceJob = defineJob({
  name: QUEUES.scanSource,
  schema: scanSourcePayload,
  async handle({ scanId }, { boss, log, signal }) {
    const scan = await db().scan.findUnique({
      where: { id: scanId },
      select: { status: true, source: { select: { id: true, kind: true, location: true, name: true, config: true } } },
    });
    if (!scan) return log.warn({ scanId }, "scan no longer exists");
    if (!["queued", "running"].includes(scan.status)) return log.info({ scanId }, "scan already finished");
    const { source } = scan;
    await db().scan.update({ where: { id: scanId }, data: { status: "running", startedAt: new Date(), error: null } });
    log.info({ scanId, source: source.name, kind: source.kind }, "scan started");
    const scanner = SCANNERS[source.kind];
    if (!scanner) {
      await finishScan({ scanId, error: `no scanner for sources of kind ${source.kind}` });
      return;
    }
    await scanner({ scanId, source, boss, log, signal });
  },
});
