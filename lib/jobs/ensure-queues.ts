import type { PgBoss } from "pg-boss";
import { QUEUES } from "@/lib/jobs/queues";

// A dead letter waits (retried with back-off, ~2 h in all) while other repository jobs of its scan still run:
// longer than the 4 attempts of 15 min a repository job may take.
const OPTIONS: Partial<Record<string, Parameters<PgBoss["createQueue"]>[1]>> = {
  [QUEUES.scanRepositoryFailed]: { retryLimit: 16, retryDelay: 15, retryBackoff: true, retryDelayMax: 600 },
};

/** Creates every queue Dozen uses; safe to repeat (admin step and worker start both call it). */
export async function ensureQueues(opts: { boss: PgBoss }): Promise<void> {
  const existing = new Set((await opts.boss.getQueues()).map((q) => q.name));
  for (const name of Object.values(QUEUES)) {
    if (!existing.has(name)) await opts.boss.createQueue(name, OPTIONS[name]);
  }
}
