import type { PgBoss } from "pg-boss";
import type { JobDefinition } from "@/lib/jobs/define-job";

/**
 * Creates the queue of every job (with its options) and the cron of those that have one; safe to repeat. The admin step and every worker start
 * call it with the full job list (workers/registry.ts), so a kind's own jobs get their queues too.
 */
export async function ensureQueues(opts: {
  boss: PgBoss;
  jobs: readonly Pick<JobDefinition, "name" | "queue" | "schedule">[];
}): Promise<void> {
  const existing = new Set((await opts.boss.getQueues()).map((q) => q.name));
  for (const job of opts.jobs) {
    if (!existing.has(job.name)) await opts.boss.createQueue(job.name, job.queue);
    // A job's own cron (the notification dispatcher, the weekly digest): set again on every start, so a changed
    // schedule (DOZEN_DIGEST_SCHEDULE) takes effect with the next worker.
    if (job.schedule) await opts.boss.schedule(job.name, job.schedule(), {}, { tz: "UTC" });
  }
}
