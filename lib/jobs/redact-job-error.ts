import { describeError } from "@/lib/errors";

/**
 * The error a failed job hands pg-boss, which serialises every own property of what it is given (message,
 * stack, an HTTP client's `response` with its body and headers, a parser's buffer) into `pgboss.job.output`,
 * where anyone who reads the database finds it and the dead letter reads its reason from. So a job never
 * throws what it caught: only `describeError`'s fixed wording (a DozenError's own message, an HTTP status, a
 * system code), with a stack of that one line, and a `retryAt` Dozen set itself (an ISO date).
 */
export function redactJobError(error: unknown): Error {
  const redacted = new Error(describeError(error));
  const name = (error as { name?: unknown } | null)?.name;
  if (typeof name === "string" && /^[A-Za-z]{1,40}$/.test(name)) redacted.name = name;
  redacted.stack = `${redacted.name}: ${redacted.message}`;
  const retryAt = (error as { retryAt?: unknown } | null)?.retryAt;
  if (typeof retryAt === "string" && /^\d{4}-\d\d-\d\dT[\d:.]+Z$/.test(retryAt)) Object.assign(redacted, { retryAt });
  return redacted;
}
