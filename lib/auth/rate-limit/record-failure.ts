import { db } from "@/lib/db";

/**
 * Counts one failure for `key` in a fixed window of `windowMs` (a new window starts at the first failure
 * after the last one ended), in one statement so concurrent web processes never lose a count. Returns the
 * window's count so far. Windows long over are swept on the way: failures are rare, so this costs little.
 */
export async function recordFailure(opts: { key: string; windowMs: number; now?: Date }): Promise<number> {
  const now = opts.now ?? new Date();
  const resetAt = new Date(now.getTime() + opts.windowMs);
  const rows = await db().$queryRaw<{ count: number }[]>`
    INSERT INTO "RateLimit" ("key", "count", "resetAt") VALUES (${opts.key}, 1, ${resetAt})
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimit"."resetAt" <= ${now} THEN 1 ELSE "RateLimit"."count" + 1 END,
      "resetAt" = CASE WHEN "RateLimit"."resetAt" <= ${now} THEN EXCLUDED."resetAt" ELSE "RateLimit"."resetAt" END
    RETURNING "count"`;
  await db().rateLimit.deleteMany({ where: { resetAt: { lt: new Date(now.getTime() - 24 * 60 * 60 * 1000) } } });
  return rows[0]?.count ?? 1;
}
