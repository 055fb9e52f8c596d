// GET /api/auth/sign-in?next=/path – send the browser to the identity provider (authorization code + PKCE)
import { NextResponse } from "next/server";
import { publicBaseUrl } from "@/lib/auth/oidc/public-base-url";
import { safeNext, SIGN_IN_TTL_MS, startSignIn } from "@/lib/auth/oidc/start-sign-in";
import { cookieHeader, SIGN_IN_COOKIE } from "@/lib/auth/session-cookie";
import { countSignInAttempt } from "@/lib/auth/oidc/sign-in-rate-limit";
import { signInSettings } from "@/lib/env";
import { TooManyRequestsError } from "@/lib/errors";
import { readRequestOrigin } from "@/lib/http/read-request-origin";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const next = safeNext(new URL(request.url).searchParams.get("next"));
  const settings = signInSettings();
  const base = publicBaseUrl({ publicUrl: settings?.publicUrl, headers: request.headers, requestUrl: request.url });
  // Local mode has nobody to sign in: the local user is already there.
  if (!settings) return NextResponse.redirect(new URL(next, base), 303);
  try {
    await countSignInAttempt({ from: readRequestOrigin({ headers: request.headers }).remoteAddress ?? "unknown" });
  } catch (error) {
    if (!(error instanceof TooManyRequestsError)) throw error;
    return new NextResponse(error.message, {
      status: 429,
      headers: { "retry-after": String(error.retryAfterSeconds), "content-type": "text/plain; charset=utf-8" },
    });
  }
  try {
    const { location, cookie } = await startSignIn({ settings, redirectUri: `${base}/api/auth/callback`, next });
    const response = NextResponse.redirect(location, 303);
    response.headers.append(
      "set-cookie",
      cookieHeader({ name: SIGN_IN_COOKIE, value: cookie, maxAgeSeconds: SIGN_IN_TTL_MS / 1000, secure: base.startsWith("https:") }),
    );
    return response;
  } catch {
    // The provider could not be reached or described itself wrongly: say so on the sign-in page.
    return NextResponse.redirect(new URL(`/sign-in?error=provider&next=${encodeURIComponent(next)}`, base), 303);
  }
}
