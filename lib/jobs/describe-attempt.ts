import { describeFailure } from "@/lib/jobs/describe-failure";

/**
 * What a job's previous attempt failed with, from the output pg-boss kept on the retried job: the redacted
 * error a worker threw, or pg-boss's own "job heartbeat timeout" / expiry for a worker that died holding it.
 */
export function describeAttempt(output: unknown): string {
  const { reason } = describeFailure(output);
  return reason.replace(/^failed on every retry(: )?/, "") || "unknown";
}
