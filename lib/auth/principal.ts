/**
 * Who is asking: the one shape every page, route, server action and audit record sees, whether the caller
 * signed in through the identity provider, sent an API token, or is the single user of local mode (no OIDC
 * configured, web bound to loopback).
 */
export const ROLES = ["viewer", "maintainer", "admin"] as const;
export type Role = (typeof ROLES)[number];

export interface Principal {
  /** `user`: signed in through OIDC; `token`: an API token; `local`: local mode's single user. */
  kind: "user" | "token" | "local";
  /** The user's, the token's id, or `local`. */
  id: string;
  /** What the audit log and the header show: the user's e-mail or name, the token's name, `local user`. */
  name: string;
  role: Role;
  /** A maintainer limited to these teams (slugs); undefined: every team. Viewers and admins: undefined. */
  teams?: string[];
}

const RANK: Record<Role, number> = { viewer: 0, maintainer: 1, admin: 2 };

/**
 * Whether `principal` may do what needs `needed`: a higher role includes the lower ones; a maintainer limited
 * to named teams may act on those teams' services only (`team`: the owning team's slug, null when unowned).
 */
export function allows(principal: Principal, needed: Role, opts: { team?: string | null } = {}): boolean {
  if (RANK[principal.role] < RANK[needed]) return false;
  if (needed !== "maintainer" || principal.role !== "maintainer" || !principal.teams) return true;
  return opts.team !== undefined && opts.team !== null && principal.teams.includes(opts.team);
}
