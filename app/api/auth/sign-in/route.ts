// GET /api/auth/sign-in?next=/path – send the browser to the identity provider (authorization code + PKCE)
import { NextResponse } from "next/server";
import { publicBaseUrl } from "@/lib/auth/oidc/public-base-url";
import { safeNext, SIGN_IN_TTL_MS, startSignIn } from "@/lib/auth/oidc/start-sign-in";
import { cookieHeader, SIGN_IN_COOKIE } from "@/lib/auth/session-cookie";
import { signInSettings } from "@/lib/env";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const next = safeNext(new URL(request.url).searchParams.get("next"));
  const settings = signInSettings();
  const base = publicBaseUrl({ publicUrl: settings?.publicUrl, headers: request.headers, requestUrl: request.url });
  // Local mode has nobody to sign in: the local user is already there.
  if (!settings) return NextResponse.redirect(new URL(next, base), 303);
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
