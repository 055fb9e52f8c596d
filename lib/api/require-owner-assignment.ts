import { allows, type Principal } from "@/lib/auth/principal";
import { ForbiddenError } from "@/lib/errors";
import { slugify } from "@/lib/text/slugify";
import { listServiceTeams } from "@/lib/services/list-service-teams";

/**
 * Throws ForbiddenError (403) unless `principal` may move these services: an admin, or a maintainer of the
 * team they go to and of every team they leave (a maintainer limited to teams cannot take an unowned service).
 */
export async function requireOwnerAssignment(opts: {
  principal: Principal;
  input: { services: string[]; team: string | null };
}): Promise<void> {
  const { principal, input } = opts;
  const judged = [...(await listServiceTeams({ slugs: input.services })), ...(input.team ? [slugify(input.team)] : [])];
  const refused = judged.find((team) => !allows(principal, "maintainer", { team }));
  if (refused !== undefined)
    throw new ForbiddenError(`${principal.name} may not move services ${refused === null ? "that no team owns" : `of or to ${refused}`}.`);
}
