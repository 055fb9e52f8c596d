import { stat } from "node:fs/promises";
import { db } from "@/lib/db";
import { scanLocalDirectory } from "@/lib/pipeline/scan-local-directory";
import { persistTargetResult } from "@/lib/persistence/persist-target-result";
import { persistTargetFailure } from "@/lib/persistence/persist-target-failure";
import { finishScan } from "@/lib/persistence/finish-scan";
import { markGoneServices } from "@/lib/persistence/mark-gone-services";
import type { SourceScanner } from "@/lib/sources/kinds/types";

/** A local checkout: collect → rules → scores for every service below it, one transaction per target. */
export const scanLocal: SourceScanner = async ({ scanId, source, log, signal }) => {
  if (!(await stat(source.location).catch(() => null))?.isDirectory()) {
    await finishScan({ scanId, error: `source directory ${source.location} does not exist or is not a directory` });
    return log.error({ scanId, location: source.location }, "source directory missing");
  }
  let outcome;
  try {
    outcome = await scanLocalDirectory({ root: source.location });
  } catch (error) {
    // The whole source is unreadable (bad scoring config, permissions): the scan fails, history stays.
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
};
