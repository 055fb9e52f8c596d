import { defineJob } from "@/lib/jobs/define-job";
import { deliverNotificationPayload, QUEUES } from "@/lib/jobs/queues";
import { deliverNotification } from "@/lib/notifications/deliver-notification";

/**
 * Sends one notification delivery. At least once: pg-boss retries a failed attempt with back-off (the
 * dispatcher sets the retries); a delivery already delivered is never sent again, and the delivery row is
 * claimed for each attempt, so two workers never send one delivery at once.
 */
export const deliverNotificationJob = defineJob({
  name: QUEUES.deliverNotification,
  schema: deliverNotificationPayload,
  queue: { policy: "exclusive" },
  async handle({ deliveryId }, { log }) {
    await deliverNotification({ deliveryId, log });
  },
});
