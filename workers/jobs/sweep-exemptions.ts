import { env } from "@/lib/env";
import { defineJob } from "@/lib/jobs/define-job";
import { QUEUES, sweepExemptionsPayload } from "@/lib/jobs/queues";
import { sweepExpiredExemptions } from "@/lib/persistence/exemptions/sweep-expired-exemptions";
import { dispatchEvents } from "@/lib/notifications/dispatch-events";
import { recordExpiringExemptions } from "@/lib/notifications/record-expiring-exemptions";

/**
 * On DOZEN_EXEMPTION_SWEEP_SCHEDULE (hourly by default): expired exemptions are recorded and what they covered is
 * re-scored, so their findings count again within the hour without waiting for a scan or a code change; the
 * owners of exemptions expiring within 7 days are told once (`exemption.expiring`, delivered as jobs).
 */
export const sweepExemptionsJob = defineJob({
  name: QUEUES.sweepExemptions,
  schema: sweepExemptionsPayload,
  queue: { policy: "exclusive" },
  schedule: () => env().DOZEN_EXEMPTION_SWEEP_SCHEDULE,
  async handle(_payload, { boss, log }) {
    const { expired } = await sweepExpiredExemptions();
    const { events } = await recordExpiringExemptions();
    const dispatched = events > 0 ? await dispatchEvents({ boss }) : { deliveries: 0 };
    log.info({ expired, expiring: events, deliveries: dispatched.deliveries }, "exemptions swept");
  },
});
