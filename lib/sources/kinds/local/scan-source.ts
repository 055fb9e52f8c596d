import { stat } from "node:fs/promises";
import { describeError } from "@/lib/errors";
import { refuseRealDirectory } from "@/lib/sources/kinds/local/local-roots";
import { persistTarget } from "@/lib/persistence/persist-target";
import { persistTargetFailure } from "@/lib/persistence/persist-target-failure";
import { appendUnmatchedWorkloads } from "@/lib/persistence/scan-run/append-unmatched-workloads";
import { expectTargets } from "@/lib/persistence/scan-run/expect-targets";
import { finishScan } from "@/lib/persistence/scan-run/finish-scan";
import { collectInChild } from "@/lib/pipeline/collect-in-child";
import { evaluateCollected } from "@/lib/pipeline/evaluate-collected";
import type { SourceScanner } from "@/lib/sources/kinds/types";

/** A local checkout: collect → checks → scores for every service below it, one transaction per target. */
export const scanLocal: SourceScanner = async ({ scanId, source, log, signal }) => {
  if (!(await stat(source.location).catch(() => null))?.isDirectory()) {
    await finishScan({ scanId, error: `source directory ${source.location} does not exist or is not a directory` });
    return log.error({ scanId, location: source.location }, "source directory missing");
  }
  // Checked again here: a row written some other way, or a root narrowed since, must not be read.
  const refused = await refuseRealDirectory({ directory: source.location });
  if (refused) {
    await finishScan({ scanId, error: `source directory ${source.location}: ${refused}` });
    return log.error({ scanId, location: source.location }, "source directory outside DOZEN_LOCAL_ROOTS");
  }
  let outcome;
  try {
    // Collected in a bounded child process (time, memory); checks and scores run here on its facts.
    const collected = await collectInChild({ task: { kind: "local", root: source.location }, signal });
    outcome = evaluateCollected({ collected });
  } catch (error) {
    if (signal.aborted) throw new Error("worker stopping; scan released for retry");
    // The whole source is unreadable (bad scoring config, permissions): the scan fails, history stays.
    const reason = describeError(error, "scan failed");
    await finishScan({ scanId, error: reason });
    return log.error({ scanId, reason }, "scan failed");
  }
  await expectTargets({ scanId, total: outcome.services.length + outcome.failures.length });
  // What the deploy config runs that joined no service is listed under the source, never dropped.
  await appendUnmatchedWorkloads({ scanId, workloads: outcome.unmatched });
  for (const result of outcome.services) {
    if (signal.aborted) throw new Error("worker stopping; scan released for retry");
    await persistTarget({ scanId, sourceId: source.id, target: { kind: "repository", result }, log });
  }
  for (const failure of outcome.failures) {
    await persistTargetFailure({ scanId, failure });
    log.warn({ scanId, target: failure.key, reason: failure.error }, "target failed");
  }
  // Only a complete look at the source may declare services gone; finishScan does so only when it succeeded.
  const finished = await finishScan({ scanId, gone: { seenPaths: outcome.services.map((s) => s.path) } });
  log.info({ scanId, status: finished.status, targets: outcome.services.length, failed: outcome.failures.length }, "scan finished");
};
