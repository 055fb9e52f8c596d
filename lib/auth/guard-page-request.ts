import { resolvePrincipal, type HeaderReader } from "@/lib/auth/resolve-principal";
import { signInSettings } from "@/lib/env";

// Anonymous on purpose: the probes and the scraper, signing in itself, and what the sign-in page loads.
const PUBLIC = [/^\/api\/(healthz|readyz|metrics)$/, /^\/api\/auth\//, /^\/sign-in$/, /^\/_next\//, /^\/favicon\.svg$/];

/**
 * What the proxy does with a request before any page or route sees it, when sign-in is configured: a visitor
 * nobody signed in is sent to /sign-in (a page) or answered 401 (an unversioned API route). The v1 API is
 * left to apiRoute, which checks every call with its role (so a bad token counts once against its limit).
 * Local mode passes everything: the web listens on loopback only.
 */
export async function guardPageRequest(opts: {
  pathname: string;
  search: string;
  headers: HeaderReader;
}): Promise<{ redirectTo: string } | { status: 401 } | null> {
  if (!signInSettings()) return null;
  if (PUBLIC.some((p) => p.test(opts.pathname)) || opts.pathname.startsWith("/api/v1/")) return null;
  if (await resolvePrincipal({ headers: opts.headers })) return null;
  if (opts.pathname.startsWith("/api/")) return { status: 401 };
  return { redirectTo: `/sign-in?next=${encodeURIComponent(`${opts.pathname}${opts.search}`)}` };
}
