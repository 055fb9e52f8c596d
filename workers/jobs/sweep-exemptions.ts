import { env } from "@/lib/env";
import { defineJob } from "@/lib/jobs/define-job";
import { QUEUES, sweepExemptionsPayload } from "@/lib/jobs/queues";
import { sweepExpiredExemptions } from "@/lib/persistence/exemptions/sweep-expired-exemptions";

/**
 * On DOZEN_EXEMPTION_SWEEP_SCHEDULE (hourly by default): expired exemptions are recorded and what they covered is
 * re-scored, so their findings count again within the hour without waiting for a scan or a code change.
 */
export const sweepExemptionsJob = defineJob({
  name: QUEUES.sweepExemptions,
  schema: sweepExemptionsPayload,
  queue: { policy: "exclusive" },
  schedule: () => env().DOZEN_EXEMPTION_SWEEP_SCHEDULE,
  async handle(_payload, { log }) {
    const { expired } = await sweepExpiredExemptions();
    log.info({ expired }, "exemptions swept");
  },
});
