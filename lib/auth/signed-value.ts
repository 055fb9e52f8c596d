import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * `value.signature`, the signature an HMAC-SHA256 of the value under `secret` (base64url): what a cookie
 * carries so that a changed or made-up value is recognised without asking the database.
 */
export function signValue(opts: { value: string; secret: string }): string {
  return `${opts.value}.${mac(opts.value, opts.secret)}`;
}

/** The value of a `signValue` string, or null when it is malformed or its signature does not match. */
export function readSignedValue(opts: { signed: string | undefined | null; secret: string }): string | null {
  if (!opts.signed) return null;
  const dot = opts.signed.lastIndexOf(".");
  if (dot <= 0) return null;
  const value = opts.signed.slice(0, dot);
  const given = Buffer.from(opts.signed.slice(dot + 1), "base64url");
  const expected = Buffer.from(mac(value, opts.secret), "base64url");
  return given.length === expected.length && timingSafeEqual(given, expected) ? value : null;
}

function mac(value: string, secret: string): string {
  return createHmac("sha256", secret).update(value).digest("base64url");
}
