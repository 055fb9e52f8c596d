import { principalFromBearerToken } from "@/lib/auth/api-tokens/principal-from-bearer-token";
import type { Principal } from "@/lib/auth/principal";
import { readCookie, SESSION_COOKIE } from "@/lib/auth/session-cookie";
import { readSession } from "@/lib/auth/sessions/read-session";
import { signInSettings } from "@/lib/env";
import { readRequestOrigin } from "@/lib/http/read-request-origin";

/** What the resolver reads of a request: a route's `request.headers`, or `await headers()` in a page or action. */
export interface HeaderReader {
  get(name: string): string | null;
}

/** Local mode's single user: no sign-in configured, so the web listens on loopback only (README "Security"). */
export const LOCAL_PRINCIPAL: Principal = Object.freeze({ kind: "local", id: "local", name: "local user", role: "admin" });

/**
 * Who is asking, for every page, route handler and server action (and the audit log's actor):
 * - a request that sends `Authorization: Bearer …` is judged by that token alone;
 * - in local mode (no DOZEN_OIDC_ISSUER), the local user, an admin;
 * - with sign-in configured, the user of the signed session cookie, or null (nobody, or an expired, signed
 *   out or tampered session).
 * A bad credential answers null and the caller decides (requireRole throws 401); only a caller past the
 * failed-token limit gets TooManyRequestsError.
 */
export async function resolvePrincipal(opts: { headers: HeaderReader; now?: Date }): Promise<Principal | null> {
  const authorization = opts.headers.get("authorization");
  if (authorization !== null) {
    // ── API tokens ─────────────────────────────────────────────────────────────────────────────────────
    // The one place a bearer token becomes a principal (lib/auth/api-tokens). Anything but a well-formed
    // bearer token is nobody; too many failures from one address is TooManyRequestsError (429).
    const token = /^Bearer +(\S+)$/i.exec(authorization.trim())?.[1];
    if (!token) return null;
    // readRequestOrigin reads headers with get() alone.
    const from = readRequestOrigin({ headers: opts.headers as Headers }).remoteAddress ?? "unknown";
    return principalFromBearerToken({ token, from, now: opts.now });
  }
  const settings = signInSettings();
  if (!settings) return LOCAL_PRINCIPAL;
  return readSession({
    cookie: readCookie({ header: opts.headers.get("cookie"), name: SESSION_COOKIE }),
    secret: settings.sessionSecret,
    now: opts.now,
  });
}
