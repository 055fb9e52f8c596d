import { createHash, randomBytes } from "node:crypto";

/** Every Dozen token starts so: secret scanners (and people) can tell what leaked, and what it opens. */
export const TOKEN_PREFIX = "dzn_";

/** `dzn_` and 32 random bytes as base64url: 256 bits, far beyond guessing, so no slow hash is needed. */
const TOKEN_SHAPE = /^dzn_[A-Za-z0-9_-]{43}$/;

/** A new secret, its hash (what is stored) and its first characters (what lists show). */
export function newTokenSecret(): { secret: string; hash: string; prefix: string } {
  const secret = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  return { secret, hash: hashTokenSecret(secret), prefix: secret.slice(0, TOKEN_PREFIX.length + 8) };
}

/** Hex SHA-256 of a secret: tokens are looked up by it, so the secret itself is never compared or stored. */
export function hashTokenSecret(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

/** Whether a string has a token's shape; anything else is refused before the database is asked. */
export function looksLikeToken(value: string): boolean {
  return TOKEN_SHAPE.test(value);
}
