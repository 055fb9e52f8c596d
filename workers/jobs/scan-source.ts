import { db } from "@/lib/db";
import { QUEUES, scanSourcePayload } from "@/lib/jobs/queues";
import { scanLocalDirectory } from "@/lib/scan/scan-local-directory";
import { persistTargetResult } from "@/lib/scans/persist-target-result";
import { persistTargetFailure } from "@/lib/scans/persist-target-failure";
import { finishScan } from "@/lib/scans/finish-scan";
import { markGoneServices } from "@/lib/scans/mark-gone-services";
import { stat } from "node:fs/promises";
import { defineJob } from "@/workers/define-job";

/**
 * Scans one source: collect → rules → scores, then one transaction per target. Idempotent: a finished
 * scan is left alone, and a retried one skips the targets its killed predecessor already wrote.
 */
export const scanSourceJob = defineJob({
  name: QUEUES.scanSource,
  schema: scanSourcePayload,
  async handle({ scanId }, { log, signal }) {
    const scan = await db().scan.findUnique({
      where: { id: scanId },
      select: { status: true, source: { select: { id: true, kind: true, location: true, name: true } } },
    });
    if (!scan) return log.warn({ scanId }, "scan no longer exists");
    if (!["queued", "running"].includes(scan.status)) return log.info({ scanId }, "scan already finished");
    const { source } = scan;
    await db().scan.update({ where: { id: scanId }, data: { status: "running", startedAt: new Date(), error: null } });
    log.info({ scanId, source: source.name }, "scan started");

    if (source.kind !== "local") {
      await finishScan({ scanId, error: `sources of kind ${source.kind} are not scanned by this worker yet` });
      return;
    }
    if (!(await stat(source.location).catch(() => null))?.isDirectory()) {
      await finishScan({ scanId, error: `source directory ${source.location} does not exist or is not a directory` });
      return log.error({ scanId, location: source.location }, "source directory missing");
    }
    let outcome;
    try {
      outcome = await scanLocalDirectory({ root: source.location });
    } catch (error) {
      // The whole source is unreadable (directory gone, permissions): the scan fails, history stays.
      await finishScan({ scanId, error: error instanceof Error ? error.message : String(error) });
      return log.error({ scanId, err: error }, "scan failed");
    }
    await db().scan.update({
      where: { id: scanId },
      data: { targetsTotal: outcome.services.length + outcome.failures.length },
    });
    for (const result of outcome.services) {
      if (signal.aborted) throw new Error("worker stopping; scan released for retry");
      await persistTargetResult({ scanId, sourceId: source.id, result });
    }
    for (const failure of outcome.failures) {
      await persistTargetFailure({ scanId, failure });
      log.warn({ scanId, target: failure.key, reason: failure.error }, "target failed");
    }
    const finished = await finishScan({ scanId });
    // Only a complete look at the source may declare services gone; a failed scan proves nothing.
    if (finished.status === "succeeded") {
      await markGoneServices({ sourceId: source.id, seenPaths: outcome.services.map((s) => s.path) });
    }
    log.info({ scanId, status: finished.status, targets: outcome.services.length, failed: outcome.failures.length }, "scan finished");
  },
});
