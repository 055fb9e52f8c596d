import { createHash } from "node:crypto";

/** The cache interface @octokit/auth-app accepts: values are `token|createdAt|expiresAt|…` strings. */
export interface AppAuthCache {
  get(key: string): string | undefined;
  set(key: string, value: string): void;
}

// One cache per GitHub host and app, for the life of the process: every repository job's client reuses the
// installation's token instead of minting one each (auth-app's default cache lives and dies with a client).
const caches = new Map<string, AppAuthCache>();

/**
 * A process-wide cache of a GitHub App's installation tokens that forgets a token before it expires:
 * 5 minutes early, or a quarter of its life for short-lived ones, so no request is sent with a token that
 * dies on the way. (auth-app's own cache keeps tokens a fixed 59 minutes, whatever `expires_at` says.)
 * Tokens stay in memory only; they are never stored or logged.
 */
export function installationTokenCache(opts: { baseUrl: string; appId: string; privateKey: string }): AppAuthCache {
  // Keyed by the key's fingerprint too: a rotated or revoked key must not keep using the old key's tokens.
  const id = `${opts.baseUrl}|${opts.appId}|${keyFingerprint(opts.privateKey)}`;
  let cache = caches.get(id);
  if (!cache) caches.set(id, (cache = newCache()));
  return cache;
}

/** A short, one-way fingerprint of a private key, to tell keys apart without keeping them as map keys. */
export function keyFingerprint(privateKey: string): string {
  return createHash("sha256").update(privateKey).digest("hex").slice(0, 16);
}

function newCache(): AppAuthCache {
  const entries = new Map<string, { value: string; renewAt: number }>();
  return {
    get(key) {
      const entry = entries.get(key);
      if (!entry) return undefined;
      if (Date.now() < entry.renewAt) return entry.value;
      entries.delete(key);
      return undefined;
    },
    set(key, value) {
      const [, createdAt = "", expiresAt = ""] = value.split("|");
      const created = Date.parse(createdAt);
      const expires = Date.parse(expiresAt);
      if (!Number.isFinite(expires)) return;
      const life = Number.isFinite(created) ? expires - created : 3_600_000;
      entries.set(key, { value, renewAt: expires - Math.min(5 * 60_000, life / 4) });
    },
  };
}
