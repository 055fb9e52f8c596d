import * as client from "openid-client";
import { z } from "zod";
import { mapGroupsToRole } from "@/lib/auth/map-groups-to-role";
import { discoverProvider } from "@/lib/auth/oidc/discover-provider";
import type { SignInState } from "@/lib/auth/oidc/start-sign-in";
import { createSession } from "@/lib/auth/sessions/create-session";
import { readSignedValue } from "@/lib/auth/signed-value";
import type { SignInSettings } from "@/lib/env";
import { UnauthenticatedError } from "@/lib/errors";

const signInState = z.object({ state: z.string(), nonce: z.string(), verifier: z.string(), next: z.string(), expiresAt: z.number() });

/**
 * Finishes a sign-in at the callback: checks the signed sign-in cookie (state, nonce, PKCE verifier, not
 * expired), lets openid-client exchange the code and validate the ID token, reads the user's claims (the
 * userinfo endpoint's too, where the groups often are), maps their groups to a role and stores a session.
 * Answers the session cookie's value and where to land. Throws UnauthenticatedError for any refusal.
 */
export async function finishSignIn(opts: {
  settings: SignInSettings;
  callbackUrl: URL;
  signInCookie: string | undefined;
  now?: Date;
}): Promise<{ cookie: string; next: string; expiresAt: Date; name: string }> {
  const now = opts.now ?? new Date();
  const raw = readSignedValue({ signed: opts.signInCookie, secret: opts.settings.sessionSecret });
  const parsed = raw ? signInState.safeParse(JSON.parse(Buffer.from(raw, "base64url").toString("utf8") || "null")) : null;
  const started: SignInState | undefined = parsed?.success ? parsed.data : undefined;
  if (!started || started.expiresAt <= now.getTime())
    throw new UnauthenticatedError("This sign-in expired or was not started here: sign in again.");
  const config = await discoverProvider({ settings: opts.settings });
  let claims: Record<string, unknown>;
  try {
    const tokens = await client.authorizationCodeGrant(config, opts.callbackUrl, {
      pkceCodeVerifier: started.verifier,
      expectedState: started.state,
      expectedNonce: started.nonce,
      idTokenExpected: true,
    });
    const idClaims = tokens.claims()!;
    // Many providers put groups (and the profile) only in userinfo; its subject is checked to be the same.
    const userInfo = config.serverMetadata().userinfo_endpoint ? await client.fetchUserInfo(config, tokens.access_token, idClaims.sub) : {};
    claims = { ...idClaims, ...userInfo };
  } catch (error) {
    // The provider's refusal (access denied, a replayed code, a bad token) says why in its own words, but
    // those words are not Dozen's to show: the error's class is.
    throw new UnauthenticatedError(
      `The identity provider did not sign you in (${error instanceof Error ? error.name : "error"}): sign in again.`,
    );
  }
  const subject = String(claims.sub);
  const email = typeof claims.email === "string" ? claims.email : undefined;
  const name = [claims.name, claims.preferred_username, email, subject].find((v): v is string => typeof v === "string" && v !== "")!;
  const { role, teams } = mapGroupsToRole({ groups: groupsOf(claims[opts.settings.groupsClaim]), roleGroups: opts.settings.roleGroups });
  const session = await createSession({
    user: { subject, ...(email ? { email } : {}), name: name.slice(0, 200), role, ...(teams ? { teams } : {}) },
    secret: opts.settings.sessionSecret,
    ttlMs: opts.settings.sessionTtlMs,
    now,
  });
  return { cookie: session.cookie, expiresAt: session.expiresAt, next: started.next, name };
}

/** A groups claim as providers send it: a list of names, or one name. */
function groupsOf(value: unknown): string[] {
  if (typeof value === "string") return [value];
  return Array.isArray(value) ? value.filter((g): g is string => typeof g === "string") : [];
}
