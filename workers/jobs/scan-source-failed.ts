import { describeFailure } from "@/lib/jobs/describe-failure";
import { QUEUES, scanSourcePayload } from "@/lib/jobs/queues";
import { closeAbandonedScan } from "@/lib/persistence/scan-run/close-abandoned-scan";
import { defineJob } from "@/lib/jobs/define-job";
import { findSourceKind } from "@/lib/sources/kinds/registry";

/**
 * The dead letter of a source scan that failed its last retry. pg-boss moves it here in the same
 * transaction that fails the original, so even a worker that died holding it is accounted for.
 */
export const scanSourceFailedJob = defineJob({
  name: QUEUES.scanSourceFailed,
  schema: scanSourcePayload,
  async handle({ scanId }, { log, failure }) {
    const { reason } = describeFailure(failure);
    const { closed } = await closeAbandonedScan({ scanId, reason, fansOut: (kind) => findSourceKind(kind)?.fansOut === true });
    if (closed) log.warn({ scanId, reason }, "source scan failed on its last retry; scan closed");
  },
});
