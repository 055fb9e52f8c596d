import { allows, type Principal } from "@/lib/auth/principal";
import { ForbiddenError } from "@/lib/errors";

/**
 * Throws ForbiddenError (403) unless `principal` is an admin or a maintainer of `team` (a slug): who manages a
 * team's channels. Without `team` (before the request names one), only the role is checked, so a viewer is
 * refused before its body is read while a maintainer limited to some teams gets as far as naming one.
 */
export function requireTeamMaintainer(opts: { principal: Principal; team?: string }): void {
  const { principal, team } = opts;
  const allowed = team === undefined ? allows({ ...principal, teams: undefined }, "maintainer") : allows(principal, "maintainer", { team });
  if (!allowed)
    throw new ForbiddenError(
      team === undefined
        ? `This needs the maintainer role; ${principal.name} is a ${principal.role}.`
        : `${principal.name} may not manage the notification channels of ${team}.`,
    );
}
