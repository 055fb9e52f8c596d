import { db } from "@/lib/db";
import { TooManyRequestsError } from "@/lib/errors";

/**
 * Throws TooManyRequestsError (429, with when to retry) while `key` has had `limit` failures or more in its
 * current window (see recordFailure). One primary-key read; a key with no failures costs nothing more.
 */
export async function checkRateLimit(opts: { key: string; limit: number; now?: Date }): Promise<void> {
  const now = opts.now ?? new Date();
  const row = await db().rateLimit.findUnique({ where: { key: opts.key }, select: { count: true, resetAt: true } });
  if (!row || row.resetAt <= now || row.count < opts.limit) return;
  const retryAfterSeconds = Math.max(1, Math.ceil((row.resetAt.getTime() - now.getTime()) / 1000));
  throw new TooManyRequestsError(`too many failed attempts: try again in ${retryAfterSeconds} s`, { retryAfterSeconds });
}
