import type { Principal } from "@/lib/auth/principal";

/** Local mode's single user: no identity provider is configured and the web listens on loopback only. */
export const LOCAL_PRINCIPAL: Principal = { kind: "local", id: "local", name: "local user", role: "admin" };

/**
 * Who is asking, from a request's headers (session cookie, `Authorization: Bearer`).
 *
 * PLACEHOLDER until sign-in (issue 14 items 1–4) lands here: every request is local mode's admin, which is
 * what Dozen is today. The audit log (lib/auth/request-audit-context.ts) already asks this function, so
 * sign-in replaces this body and every recorded event names the real user or token.
 */
export async function currentPrincipal(_opts: { headers: Headers }): Promise<Principal> {
  return LOCAL_PRINCIPAL;
}
