import { env } from "@/lib/env";
import { defineJob } from "@/lib/jobs/define-job";
import { QUEUES, weeklyDigestPayload } from "@/lib/jobs/queues";
import { dispatchEvents } from "@/lib/notifications/dispatch-events";
import { pruneNotifications } from "@/lib/notifications/prune-notifications";
import { recordWeeklyDigests } from "@/lib/notifications/record-weekly-digests";

/** On DOZEN_DIGEST_SCHEDULE: records each team's and the fleet's weekly digest, dispatches them, and prunes old events. */
export const weeklyDigestJob = defineJob({
  name: QUEUES.weeklyDigest,
  schema: weeklyDigestPayload,
  queue: { policy: "exclusive" },
  schedule: () => env().DOZEN_DIGEST_SCHEDULE,
  async handle(_payload, { boss, log }) {
    const { events } = await recordWeeklyDigests();
    const dispatched = await dispatchEvents({ boss });
    const pruned = await pruneNotifications();
    log.info({ digests: events, deliveries: dispatched.deliveries, pruned: pruned.events }, "weekly digests recorded");
  },
});
