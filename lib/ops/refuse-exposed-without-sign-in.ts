import { isIP } from "node:net";

/** The variables that turn sign-in on; named by every refusal, so the fix is one look away. */
export const SIGN_IN_VARIABLES = ["DOZEN_OIDC_ISSUER", "DOZEN_OIDC_CLIENT_ID", "DOZEN_OIDC_CLIENT_SECRET", "DOZEN_SESSION_SECRET"] as const;

/** Whether `host` is this machine only: 127.0.0.0/8, ::1 or `localhost`. */
export function isLoopback(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, "").toLowerCase();
  if (bare === "localhost" || bare === "::1") return true;
  return isIP(bare) === 4 && bare.startsWith("127.");
}

/**
 * Why the web must not start, or null when it may: without sign-in (local mode) Dozen has one user and no
 * checks, so it listens on loopback only; any other address (0.0.0.0, a LAN address, a host name) would hand
 * every page and change to whoever reaches it. There is deliberately no switch to allow that.
 */
export function refuseExposedWithoutSignIn(opts: { host: string; signIn: boolean }): string | null {
  if (opts.signIn || isLoopback(opts.host)) return null;
  return (
    `HOST=${opts.host} would let anyone who reaches it use Dozen without signing in. Set ${SIGN_IN_VARIABLES.join(", ")} ` +
    `(README "Security") to turn sign-in on, or leave HOST unset to run in local mode on 127.0.0.1.`
  );
}
