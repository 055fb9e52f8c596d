import { db } from "@/lib/db";
import type { RateBudget } from "@/lib/collectors/github/rate-budget";
import type { ListingCache } from "@/lib/collectors/github/types";

/** What Source.rateLimit holds for a GitHub source: the last reading, and the listing's page ETags. */
export interface StoredRateLimit {
  limit?: number;
  remaining?: number;
  resetAt?: string;
  listing?: ListingCache;
}

/**
 * Merges the token's latest rate-limit reading (and, from discovery, the listing cache) into the source's
 * `rateLimit` JSON. A jsonb merge in one statement, so repository jobs writing at once never drop the cache.
 */
export async function saveRateLimit(opts: { sourceId: number; budget?: RateBudget; listing?: ListingCache }): Promise<void> {
  const patch: StoredRateLimit = {};
  if (opts.budget?.remaining != null && opts.budget.resetAt != null) {
    patch.remaining = opts.budget.remaining;
    patch.resetAt = new Date(opts.budget.resetAt).toISOString();
    if (opts.budget.limit != null) patch.limit = opts.budget.limit;
  }
  if (opts.listing) patch.listing = opts.listing;
  if (Object.keys(patch).length === 0) return;
  await db()
    .$executeRaw`UPDATE "Source" SET "rateLimit" = COALESCE("rateLimit", '{}'::jsonb) || ${JSON.stringify(patch)}::jsonb WHERE id = ${opts.sourceId}`;
}
