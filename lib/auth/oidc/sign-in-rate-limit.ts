import { checkRateLimit } from "@/lib/auth/rate-limit/check-rate-limit";
import { recordFailure } from "@/lib/auth/rate-limit/record-failure";

/**
 * Sign-in attempts one address may make per window: every start of a sign-in and every refused callback
 * counts. A person signs in a few times a day; a script hammering the provider through Dozen (or guessing
 * callback codes) is answered 429 until the window ends, and the provider is not asked.
 */
export const SIGN_IN_ATTEMPT_LIMIT = 30;
export const SIGN_IN_WINDOW_MS = 10 * 60 * 1000;

const keyOf = (from: string) => `sign-in:${from}`;

/** Throws TooManyRequestsError (429) while `from` is over the limit; otherwise counts this attempt. */
export async function countSignInAttempt(opts: { from: string; now?: Date }): Promise<void> {
  await checkRateLimit({ key: keyOf(opts.from), limit: SIGN_IN_ATTEMPT_LIMIT, now: opts.now });
  await recordFailure({ key: keyOf(opts.from), windowMs: SIGN_IN_WINDOW_MS, now: opts.now });
}
