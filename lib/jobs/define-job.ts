import type { PgBoss } from "pg-boss";
import type { Logger } from "pino";
import type { z } from "zod";

export interface JobContext {
  boss: PgBoss;
  log: Logger;
  /** Aborted on SIGTERM: long handlers check it between targets and release the job. */
  signal: AbortSignal;
  /** For a dead-lettered job: what its original job failed with (pg-boss's output, usually the error). */
  failure?: unknown;
}

export interface JobDefinition<S extends z.ZodType = z.ZodType> {
  name: string;
  schema: S;
  handle(payload: z.infer<S>, ctx: JobContext): Promise<void>;
  /** At most this many jobs of one pg-boss group (see the sender's `group`) active at once across all workers. */
  groupConcurrency?: number;
  /** Options of the job's queue, given when the queue is created (e.g. a dead letter's long retry). */
  queue?: Parameters<PgBoss["createQueue"]>[1];
  /** A cron expression (UTC): pg-boss sends the job (empty payload) on it, once across all workers. */
  schedule?: () => string;
}

/** A job: a queue name, the zod schema its payload must satisfy, and an idempotent handler. */
export function defineJob<S extends z.ZodType>(job: JobDefinition<S>): JobDefinition<S> {
  return job;
}
