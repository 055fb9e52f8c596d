import { defineJob } from "@/lib/jobs/define-job";
import { QUEUES, scanSourcePayload } from "@/lib/jobs/queues";
import { finishScan } from "@/lib/persistence/scan-run/finish-scan";
import { startScan } from "@/lib/persistence/scan-run/start-scan";
import { findSourceKind } from "@/lib/sources/kinds/registry";
import { withSpan } from "@/lib/telemetry/with-span";

/**
 * Scans one source with the scanner of its kind. Idempotent: a finished scan is left alone, and a retried
 * one skips the targets its killed predecessor already wrote (persistTarget is keyed by target).
 */
export const scanSourceJob = defineJob({
  name: QUEUES.scanSource,
  schema: scanSourcePayload,
  async handle({ scanId }, { boss, log, signal }) {
    const started = await startScan({ scanId });
    if ("skipped" in started)
      return log.info(
        { scanId, skipped: started.skipped },
        started.skipped === "missing" ? "scan no longer exists" : "scan already finished",
      );
    const { source } = started;
    log.info({ scanId, source: source.name, kind: source.kind }, "scan started");
    const kind = findSourceKind(source.kind);
    if (!kind) {
      await finishScan({ scanId, error: `no scanner for sources of kind ${source.kind}` });
      return;
    }
    const { scan } = await kind.worker();
    // One span per scan, child of the job's: finishScan adds the verdict and counts to it.
    const attributes = {
      "dozen.scan.id": scanId,
      "dozen.source.id": source.id,
      "dozen.source.kind": source.kind,
      "dozen.source.name": source.name,
    };
    await withSpan({ name: `scan ${source.kind}`, attributes }, () => scan({ scanId, source, boss, log, signal }));
    // Its notification events are recorded: have them sent now rather than at the dispatcher's next tick (which
    // still sends them if this cannot be queued: the scan is done either way).
    await boss
      .send(QUEUES.dispatchNotifications, {})
      .catch((err: unknown) => log.warn({ err, scanId }, "notification dispatch not queued; the next tick sends them"));
  },
});
