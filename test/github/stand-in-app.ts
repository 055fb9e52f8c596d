import { randomBytes, verify, type KeyObject } from "node:crypto";

/** A GitHub App installed on owners of the stand-in: its id, the public half of its key, and its installations. */
export interface StandInAppOptions {
  appId: number;
  publicKey: KeyObject | string;
  /** Owner login (org or user) → installation id. */
  installations: Record<string, number>;
  /** Lifetime of issued installation tokens; GitHub's is one hour. */
  tokenTtlSeconds?: number;
}

const DOCS = "https://docs.github.com/rest";
/** GitHub's 401 bodies, word for word: auth-app recognises the clock-skew ones and retries with an offset. */
export const UNAUTHORIZED = {
  badCredentials: { message: "Bad credentials", documentation_url: DOCS, status: "401" },
  undecodableJwt: { message: "A JSON web token could not be decoded", documentation_url: DOCS, status: "401" },
  expiredJwt: {
    message: "'Expiration time' claim ('exp') must be a numeric value representing the future time at which the assertion expires",
    documentation_url: DOCS,
    status: "401",
  },
  wrongIssuer: { message: "'Issuer' claim ('iss') must be an Integer", documentation_url: DOCS, status: "401" },
} as const;

type Denied = { status: 401 | 404; body: Record<string, string> };

/**
 * The app side of the stand-in: verifies an app JWT (RS256 over the app's public key, `iss` = app id,
 * not expired, at most 10 minutes long, as GitHub checks), issues installation tokens with an expiry, and
 * accepts only live tokens it issued on every other endpoint.
 */
export function createStandInApp(opts: StandInAppOptions) {
  const ttl = (opts.tokenTtlSeconds ?? 3600) * 1000;
  const tokens = new Map<string, { installationId: number; expiresAt: number }>();
  const stats = { tokensIssued: 0, jwtRejected: 0, tokenRejected: 0 };

  function verifyJwt(authorization: string | undefined): Denied | null {
    const jwt = /^bearer (.+)$/i.exec(authorization ?? "")?.[1];
    const parts = jwt?.split(".") ?? [];
    if (parts.length !== 3) return deny("jwt", UNAUTHORIZED.undecodableJwt);
    const [header = "", payload = "", signature = ""] = parts;
    let claims: { iss?: unknown; iat?: unknown; exp?: unknown; alg?: unknown };
    try {
      const head = JSON.parse(Buffer.from(header, "base64url").toString("utf8")) as { alg?: unknown };
      if (head.alg !== "RS256") return deny("jwt", UNAUTHORIZED.undecodableJwt);
      const valid = verify("RSA-SHA256", Buffer.from(`${header}.${payload}`), opts.publicKey, Buffer.from(signature, "base64url"));
      if (!valid) return deny("jwt", UNAUTHORIZED.undecodableJwt);
      claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as typeof claims;
    } catch {
      return deny("jwt", UNAUTHORIZED.undecodableJwt);
    }
    const now = Math.floor(Date.now() / 1000);
    if (typeof claims.exp !== "number" || claims.exp <= now) return deny("jwt", UNAUTHORIZED.expiredJwt);
    if (typeof claims.iat !== "number" || claims.iat > now + 60 || claims.exp - claims.iat > 600)
      return deny("jwt", UNAUTHORIZED.expiredJwt);
    if (String(claims.iss) !== String(opts.appId)) return deny("jwt", UNAUTHORIZED.wrongIssuer);
    return null;
  }

  function deny(kind: "jwt" | "token", body: Record<string, string>): Denied {
    if (kind === "jwt") stats.jwtRejected++;
    else stats.tokenRejected++;
    return { status: 401, body };
  }

  return {
    stats,
    verifyJwt,
    /** The installation on an owner (`GET /orgs/{org}/installation`, `/users/{username}/installation`). */
    installationFor(owner: string): number | null {
      const entry = Object.entries(opts.installations).find(([login]) => login.toLowerCase() === owner.toLowerCase());
      return entry ? entry[1] : null;
    },
    owners(): string[] {
      return Object.keys(opts.installations);
    },
    /** A fresh installation token (`ghs_` like GitHub's) and its expiry. */
    issueToken(installationId: number): { token: string; expiresAt: string } {
      const token = `ghs_${randomBytes(18).toString("base64url")}`;
      const expiresAt = Date.now() + ttl;
      tokens.set(token, { installationId, expiresAt });
      stats.tokensIssued++;
      return { token, expiresAt: new Date(expiresAt).toISOString().replace(/\.\d{3}Z$/, "Z") };
    },
    /** Null when the request carries a live installation token the stand-in issued, GitHub's 401 otherwise. */
    checkToken(authorization: string | undefined): Denied | null {
      const token = /^(?:token|bearer) (ghs_.+)$/i.exec(authorization ?? "")?.[1];
      const known = token ? tokens.get(token) : undefined;
      if (!known || known.expiresAt <= Date.now()) return deny("token", UNAUTHORIZED.badCredentials);
      return null;
    },
    appId: opts.appId,
  };
}

export type StandInApp = ReturnType<typeof createStandInApp>;
