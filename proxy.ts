import { NextResponse, type NextRequest } from "next/server";
import { guardPageRequest } from "@/lib/auth/guard-page-request";
import { env } from "@/lib/env";
import { UnauthenticatedError } from "@/lib/errors";
import { refuseCrossSite } from "@/lib/http/refuse-cross-site";
import { newNonce, securityHeaders } from "@/lib/http/security-headers";

/**
 * Every request, before any page, route or server action: a cross-site mutation is refused (403/415, see
 * refuseCrossSite), with sign-in configured a visitor nobody signed in is sent to /sign-in (guardPageRequest),
 * and every answer gets the security headers with a fresh CSP nonce. The nonce travels to the render in the
 * request's own CSP header, where Next.js finds it for its scripts, and as `x-nonce` for the layout's inline
 * theme script.
 */
export async function proxy(request: NextRequest): Promise<NextResponse> {
  const forwardedProto = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim();
  const nonce = newNonce();
  const headers = securityHeaders({
    nonce,
    https: forwardedProto === "https" || request.nextUrl.protocol === "https:",
    dev: env().NODE_ENV === "development",
  });
  const refused = refuseCrossSite({ method: request.method, pathname: request.nextUrl.pathname, headers: request.headers });
  if (refused) return withHeaders(NextResponse.json({ error: refused.reason }, { status: refused.status }), headers);
  // Sign-in: nobody signed in goes to /sign-in (pages) or gets 401 (unversioned API); roles are checked later.
  const guarded = await guardPageRequest({ pathname: request.nextUrl.pathname, search: request.nextUrl.search, headers: request.headers });
  if (guarded && "status" in guarded) {
    const body = { error: { code: "unauthenticated", message: new UnauthenticatedError().message } };
    return withHeaders(NextResponse.json(body, { status: 401 }), headers);
  }
  // nextUrl carries the host the browser asked for (Host), so the redirect stays on it.
  if (guarded) return withHeaders(NextResponse.redirect(new URL(guarded.redirectTo, request.nextUrl), 303), headers);
  const forwarded = new Headers(request.headers);
  forwarded.set("content-security-policy", headers["content-security-policy"]!);
  forwarded.set("x-nonce", nonce);
  return withHeaders(NextResponse.next({ request: { headers: forwarded } }), headers);
}

function withHeaders(response: NextResponse, headers: Record<string, string>): NextResponse {
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}
