import * as client from "openid-client";
import { discoverProvider } from "@/lib/auth/oidc/discover-provider";
import { signValue } from "@/lib/auth/signed-value";
import type { SignInSettings } from "@/lib/env";

/** How long a person may take at the provider between leaving Dozen and coming back. */
export const SIGN_IN_TTL_MS = 10 * 60_000;

/** What the callback needs to finish a sign-in it started, carried in a short-lived signed cookie. */
export interface SignInState {
  state: string;
  nonce: string;
  verifier: string;
  /** A path of Dozen to land on afterwards. */
  next: string;
  expiresAt: number;
}

/**
 * Starts an authorization code + PKCE sign-in: where to send the browser (the provider's authorization
 * endpoint) and the signed cookie holding state, nonce and the PKCE verifier for the callback.
 */
export async function startSignIn(opts: {
  settings: SignInSettings;
  redirectUri: string;
  next: string;
  now?: Date;
}): Promise<{ location: string; cookie: string }> {
  const config = await discoverProvider({ settings: opts.settings });
  const verifier = client.randomPKCECodeVerifier();
  const signIn: SignInState = {
    state: client.randomState(),
    nonce: client.randomNonce(),
    verifier,
    next: safeNext(opts.next),
    expiresAt: (opts.now ?? new Date()).getTime() + SIGN_IN_TTL_MS,
  };
  const location = client.buildAuthorizationUrl(config, {
    redirect_uri: opts.redirectUri,
    scope: opts.settings.scopes,
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: "S256",
    state: signIn.state,
    nonce: signIn.nonce,
  });
  const value = Buffer.from(JSON.stringify(signIn)).toString("base64url");
  return { location: location.href, cookie: signValue({ value, secret: opts.settings.sessionSecret }) };
}

/** A path on Dozen itself (`/teams/a?x=1`), never another site (`//evil.example`, `https://…`); else `/`. */
export function safeNext(next: string | null | undefined): string {
  return next && /^\/(?![/\\])[^\s]*$/.test(next) ? next : "/";
}
