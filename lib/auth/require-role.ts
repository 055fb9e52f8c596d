import { allows, type Principal, type Role } from "@/lib/auth/principal";
import { resolvePrincipal, type HeaderReader } from "@/lib/auth/resolve-principal";
import { ForbiddenError, UnauthenticatedError } from "@/lib/errors";

/**
 * The principal of a request if it may do what needs `role` (for `team`'s services, when a maintainer is
 * limited to teams: see `allows`); otherwise throws UnauthenticatedError (401: nobody signed in) or
 * ForbiddenError (403: a role or teams that do not allow it). Every mutation calls this on the server.
 */
export async function requireRole(opts: { headers: HeaderReader; role: Role; team?: string | null }): Promise<Principal> {
  const principal = await resolvePrincipal({ headers: opts.headers });
  if (!principal) throw new UnauthenticatedError();
  if (!allows(principal, opts.role, "team" in opts ? { team: opts.team } : {}))
    throw new ForbiddenError(
      principal.role === "maintainer" && principal.teams && opts.role === "maintainer"
        ? `${principal.name} may act only on the services of ${principal.teams.join(", ")}.`
        : `This needs the ${opts.role} role; ${principal.name} is a ${principal.role}.`,
    );
  return principal;
}
