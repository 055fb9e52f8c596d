import { z } from "zod";

export interface RateLimitState {
  limit: number | null;
  remaining: number;
  resetAt: string;
  /** No budget left and the reset still ahead: scans of this source wait (or fail) until resetAt. */
  exhausted: boolean;
}

// Source.rateLimit also holds the listing's page ETags (lib/sources/kinds/github/save-rate-limit.ts); only the reading counts.
const reading = z.object({
  limit: z.number().int().nonnegative().optional(),
  remaining: z.number().int().nonnegative(),
  resetAt: z.iso.datetime({ offset: true }),
});

/** The last rate-limit reading stored with a source, or null when there is none (or it is malformed). */
export function readRateLimit(opts: { value: unknown; now?: Date }): RateLimitState | null {
  const parsed = reading.safeParse(opts.value);
  if (!parsed.success) return null;
  const { limit, remaining, resetAt } = parsed.data;
  const now = opts.now ?? new Date();
  return { limit: limit ?? null, remaining, resetAt, exhausted: remaining === 0 && Date.parse(resetAt) > now.getTime() };
}
