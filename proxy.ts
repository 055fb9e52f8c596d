import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { refuseCrossSite } from "@/lib/http/refuse-cross-site";
import { newNonce, securityHeaders } from "@/lib/http/security-headers";

/**
 * Every request, before any page, route or server action: a cross-site mutation is refused (403/415, see
 * refuseCrossSite), and every answer gets the security headers with a fresh CSP nonce. The nonce travels to
 * the render in the request's own CSP header, where Next.js finds it for its scripts, and as `x-nonce` for
 * the layout's inline theme script.
 */
export function proxy(request: NextRequest): NextResponse {
  const forwardedProto = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim();
  const nonce = newNonce();
  const headers = securityHeaders({
    nonce,
    https: forwardedProto === "https" || request.nextUrl.protocol === "https:",
    dev: env().NODE_ENV === "development",
  });
  const refused = refuseCrossSite({ method: request.method, pathname: request.nextUrl.pathname, headers: request.headers });
  if (refused) return withHeaders(NextResponse.json({ error: refused.reason }, { status: refused.status }), headers);
  const forwarded = new Headers(request.headers);
  forwarded.set("content-security-policy", headers["content-security-policy"]!);
  forwarded.set("x-nonce", nonce);
  return withHeaders(NextResponse.next({ request: { headers: forwarded } }), headers);
}

function withHeaders(response: NextResponse, headers: Record<string, string>): NextResponse {
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}
