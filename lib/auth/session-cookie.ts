/** The cookie that carries a signed-in user's session id, signed (lib/auth/signed-value.ts). */
export const SESSION_COOKIE = "dozen_session";
/** The short-lived cookie that carries a sign-in's state, nonce and PKCE verifier to the callback. */
export const SIGN_IN_COOKIE = "dozen_sign_in";

/**
 * A Set-Cookie value: HttpOnly (no script reads it), SameSite=Lax (sent on the provider's redirect back, a
 * top-level GET, but not on another site's POST), Secure behind https. `maxAgeSeconds` 0 deletes it.
 */
export function cookieHeader(opts: { name: string; value: string; maxAgeSeconds: number; secure: boolean }): string {
  return [
    `${opts.name}=${opts.value}`,
    "Path=/",
    "HttpOnly",
    "SameSite=Lax",
    `Max-Age=${Math.max(0, Math.floor(opts.maxAgeSeconds))}`,
    ...(opts.secure ? ["Secure"] : []),
  ].join("; ");
}

/** One cookie's value from a Cookie header, or undefined. */
export function readCookie(opts: { header: string | null | undefined; name: string }): string | undefined {
  for (const part of (opts.header ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === opts.name) return part.slice(eq + 1).trim();
  }
  return undefined;
}
