import { ROLES, type Role } from "@/lib/auth/principal";
import { InvalidEnvironmentError } from "@/lib/env";

/** One `role[:team,…]=group,…` entry of DOZEN_ROLE_GROUPS. */
interface RoleRule {
  role: Role;
  /** A maintainer limited to these team slugs; undefined: every team. */
  teams?: string[];
  groups: string[];
}

const ENTRY = /^(viewer|maintainer|admin)(?::([^=]+))?=(.+)$/;

/**
 * Reads DOZEN_ROLE_GROUPS: `;`-separated entries `role=group,group`, where `role` is viewer, maintainer or
 * admin, and a maintainer may be limited to teams (their slugs) as `maintainer:team-a,team-b=group`.
 * Throws naming the variable and the entry it cannot read, so a typo stops the start, not a sign-in.
 */
export function parseRoleGroups(opts: { roleGroups: string }): RoleRule[] {
  const list = (s: string) =>
    s
      .split(",")
      .map((x) => x.trim())
      .filter(Boolean);
  return opts.roleGroups
    .split(";")
    .map((e) => e.trim())
    .filter(Boolean)
    .map((entry) => {
      const match = ENTRY.exec(entry.replace(/\s*([:=])\s*/g, "$1"));
      const teams = match?.[2] === undefined ? undefined : list(match[2]);
      if (!match || list(match[3]!).length === 0 || (teams && (teams.length === 0 || match[1] !== "maintainer")))
        throw new InvalidEnvironmentError([
          `DOZEN_ROLE_GROUPS: cannot read "${entry}": expected role=group[,group] with role one of ${ROLES.join(", ")}, or maintainer:team[,team]=group`,
        ]);
      return { role: match[1] as Role, ...(teams ? { teams } : {}), groups: list(match[3]!) };
    });
}

/**
 * The role a user's groups give (DOZEN_ROLE_GROUPS): the highest any of their groups maps to, viewer when
 * none does. A maintainer is limited to teams only when every maintainer entry that matched names teams
 * (then to all of them together); one unlimited entry gives every team.
 */
export function mapGroupsToRole(opts: { groups: readonly string[]; roleGroups: string }): { role: Role; teams?: string[] } {
  const matched = parseRoleGroups({ roleGroups: opts.roleGroups }).filter((r) => r.groups.some((g) => opts.groups.includes(g)));
  if (matched.some((r) => r.role === "admin")) return { role: "admin" };
  const maintainer = matched.filter((r) => r.role === "maintainer");
  if (maintainer.length === 0) return { role: "viewer" };
  if (maintainer.some((r) => !r.teams)) return { role: "maintainer" };
  return { role: "maintainer", teams: [...new Set(maintainer.flatMap((r) => r.teams!))].sort() };
}
