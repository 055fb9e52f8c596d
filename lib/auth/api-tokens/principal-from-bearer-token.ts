import { db } from "@/lib/db";
import type { Principal } from "@/lib/auth/principal";
import { hashTokenSecret, looksLikeToken } from "@/lib/auth/api-tokens/token-secret";
import { checkRateLimit } from "@/lib/auth/rate-limit/check-rate-limit";
import { recordFailure } from "@/lib/auth/rate-limit/record-failure";

/** Failed bearer attempts one address may make per window before it is answered 429 until the window ends. */
export const BEARER_FAILURE_LIMIT = 20;
export const BEARER_FAILURE_WINDOW_MS = 10 * 60 * 1000;
/** A token's last use is written at most this often: reading with a token is not a write per request. */
const LAST_USED_EVERY_MS = 60 * 1000;

/**
 * The principal an `Authorization: Bearer …` token stands for, or null when it is unknown, revoked or
 * expired. The token is found by its SHA-256 (an index lookup: nothing is compared in the clear, so no
 * timing tells how much of a guess was right). `from` is the caller's address: after BEARER_FAILURE_LIMIT
 * failures in a window it gets TooManyRequestsError (429) without its token being looked at.
 */
export async function principalFromBearerToken(opts: { token: string; from: string; now?: Date }): Promise<Principal | null> {
  const now = opts.now ?? new Date();
  const key = `bearer:${opts.from}`;
  await checkRateLimit({ key, limit: BEARER_FAILURE_LIMIT, now });
  const token = looksLikeToken(opts.token)
    ? await db().apiToken.findUnique({
        where: { hash: hashTokenSecret(opts.token) },
        select: { id: true, name: true, role: true, teams: true, expiresAt: true, revokedAt: true, lastUsedAt: true },
      })
    : null;
  if (!token || token.revokedAt || (token.expiresAt && token.expiresAt <= now)) {
    await recordFailure({ key, windowMs: BEARER_FAILURE_WINDOW_MS, now });
    return null;
  }
  if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() >= LAST_USED_EVERY_MS) {
    // Conditional, so concurrent requests of one token write once.
    await db().apiToken.updateMany({
      where: { id: token.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now.getTime() - LAST_USED_EVERY_MS) } }] },
      data: { lastUsedAt: now, lastUsedFrom: opts.from.slice(0, 100) },
    });
  }
  return {
    kind: "token",
    id: String(token.id),
    name: token.name,
    role: token.role,
    ...(token.role === "maintainer" && token.teams.length > 0 ? { teams: token.teams } : {}),
  };
}
