import type { PgBoss } from "pg-boss";
import { QUEUES } from "@/lib/jobs/queues";

/** Creates every queue Dozen uses; safe to repeat (admin step and worker start both call it). */
export async function ensureQueues(opts: { boss: PgBoss }): Promise<void> {
  const existing = new Set((await opts.boss.getQueues()).map((q) => q.name));
  for (const name of Object.values(QUEUES)) {
    if (!existing.has(name)) await opts.boss.createQueue(name);
  }
}
