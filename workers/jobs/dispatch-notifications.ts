import { defineJob } from "@/lib/jobs/define-job";
import { dispatchNotificationsPayload, QUEUES } from "@/lib/jobs/queues";
import { dispatchEvents } from "@/lib/notifications/dispatch-events";

/**
 * Every minute (and right after a source scan): turns the notification events scans recorded into deliveries
 * and queues them. The queue is exclusive, so ticks never pile up behind a slow run.
 */
export const dispatchNotificationsJob = defineJob({
  name: QUEUES.dispatchNotifications,
  schema: dispatchNotificationsPayload,
  queue: { policy: "exclusive", retryLimit: 0 },
  schedule: () => "* * * * *",
  async handle(_payload, { boss, log }) {
    const { events, deliveries } = await dispatchEvents({ boss });
    if (events) log.info({ events, deliveries }, "notification events dispatched");
  },
});
