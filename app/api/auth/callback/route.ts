// GET /api/auth/callback – where the identity provider sends the browser back: a session, then the page asked for
import { NextResponse } from "next/server";
import { finishSignIn } from "@/lib/auth/oidc/finish-sign-in";
import { publicBaseUrl } from "@/lib/auth/oidc/public-base-url";
import { countSignInAttempt } from "@/lib/auth/oidc/sign-in-rate-limit";
import { cookieHeader, readCookie, SESSION_COOKIE, SIGN_IN_COOKIE } from "@/lib/auth/session-cookie";
import { signInSettings } from "@/lib/env";
import { TooManyRequestsError, UnauthenticatedError } from "@/lib/errors";
import { readRequestOrigin } from "@/lib/http/read-request-origin";
import { createLogger } from "@/lib/log/logger";

export const dynamic = "force-dynamic";

const log = createLogger({ process: "web" });

export async function GET(request: Request) {
  const settings = signInSettings();
  const base = publicBaseUrl({ publicUrl: settings?.publicUrl, headers: request.headers, requestUrl: request.url });
  if (!settings) return NextResponse.redirect(new URL("/", base), 303);
  const secure = base.startsWith("https:");
  // The URL the provider redirected to, as the browser sent it (the redirect URI plus code and state).
  const own = new URL(request.url);
  const callbackUrl = new URL(`${base}/api/auth/callback${own.search}`);
  let response: NextResponse;
  try {
    const done = await finishSignIn({
      settings,
      callbackUrl,
      signInCookie: readCookie({ header: request.headers.get("cookie"), name: SIGN_IN_COOKIE }),
    });
    log.info({ user: done.name }, "signed in");
    response = NextResponse.redirect(new URL(done.next, base), 303);
    response.headers.append(
      "set-cookie",
      cookieHeader({ name: SESSION_COOKIE, value: done.cookie, maxAgeSeconds: settings.sessionTtlMs / 1000, secure }),
    );
  } catch (error) {
    if (!(error instanceof UnauthenticatedError)) throw error;
    log.warn({ reason: error.message }, "sign-in refused");
    // A refused callback (a guessed code, a replayed state) counts against the address like a new start.
    await countSignInAttempt({ from: readRequestOrigin({ headers: request.headers }).remoteAddress ?? "unknown" }).catch(
      (limited: unknown) => {
        if (!(limited instanceof TooManyRequestsError)) throw limited;
      },
    );
    response = NextResponse.redirect(new URL("/sign-in?error=refused", base), 303);
  }
  response.headers.append("set-cookie", cookieHeader({ name: SIGN_IN_COOKIE, value: "", maxAgeSeconds: 0, secure }));
  return response;
}
