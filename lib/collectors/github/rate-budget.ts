import { instruments } from "@/lib/telemetry/instruments";

/** What this process knows about one token's primary rate limit and its requests in flight. */
export interface RateBudget {
  /** The credential's name in metrics (API host and variable names, never the token); unset: not published. */
  credential?: string;
  limit: number | null;
  remaining: number | null;
  /** Epoch milliseconds when `remaining` refills. */
  resetAt: number | null;
  /** Requests sent whose answer has not told us the new remaining yet. */
  reserved: number;
  inFlight: number;
  waiters: (() => void)[];
  maxInFlight: number;
}

/** A fresh budget, optionally seeded from the last reading stored with the source (Source.rateLimit). */
export function newRateBudget(opts: {
  maxInFlight: number;
  seed?: { limit?: number; remaining?: number; resetAt?: string } | null;
}): RateBudget {
  const resetAt = opts.seed?.resetAt ? Date.parse(opts.seed.resetAt) : NaN;
  return {
    limit: opts.seed?.limit ?? null,
    remaining: opts.seed?.remaining ?? null,
    resetAt: Number.isFinite(resetAt) ? resetAt : null,
    reserved: 0,
    inFlight: 0,
    waiters: [],
    maxInFlight: opts.maxInFlight,
  };
}

/**
 * How long to wait before sending one more counted request: 0 when the budget allows it, the time to the
 * reset when the remaining budget (minus requests already on their way) is 0. A past reset refills.
 */
export function budgetWaitMs(opts: { budget: RateBudget; now: number }): number {
  const { budget, now } = opts;
  if (budget.remaining === null || budget.resetAt === null) return 0;
  if (now >= budget.resetAt) return 0;
  return budget.remaining - budget.reserved > 0 ? 0 : budget.resetAt - now + 1000;
}

/** Folds GitHub's x-ratelimit-* headers into the budget; answers without them (codeload) change nothing. */
export function recordRateHeaders(opts: { budget: RateBudget; headers: Headers }): void {
  const remaining = opts.headers.get("x-ratelimit-remaining");
  const reset = opts.headers.get("x-ratelimit-reset");
  const limit = opts.headers.get("x-ratelimit-limit");
  if (remaining === null || reset === null) return;
  opts.budget.remaining = Number(remaining);
  opts.budget.resetAt = Number(reset) * 1000;
  if (limit !== null) opts.budget.limit = Number(limit);
  publishRateBudget({ budget: opts.budget });
}

/** Sets the credential's rate-limit gauges (dozen_github_rate_limit_*) to the budget's last reading. */
export function publishRateBudget(opts: { budget: RateBudget }): void {
  const { budget } = opts;
  if (!budget.credential) return;
  const labels = { credential: budget.credential };
  const metrics = instruments();
  if (budget.remaining !== null) metrics.githubRateRemaining.set(labels, budget.remaining);
  if (budget.limit !== null) metrics.githubRateLimit.set(labels, budget.limit);
  if (budget.resetAt !== null) metrics.githubRateReset.set(labels, budget.resetAt / 1000);
}
