"use server";

import { runOwnershipAction, type OwnershipFormState } from "@/lib/actions/run-ownership-action";
import { requireActionRole } from "@/lib/auth/require-action-role";
import { allows } from "@/lib/auth/principal";
import { requestAuditContext } from "@/lib/auth/request-audit-context";
import { ForbiddenError } from "@/lib/errors";
import { assignServicesTeam } from "@/lib/persistence/assign-services-team";
import { listServiceTeams } from "@/lib/services/list-service-teams";
import { slugify } from "@/lib/text/slugify";

/**
 * Server action of the heatmap's "Assign to team": the checked services go to an existing team by hand.
 * Admins, or maintainers of that team and of every team the services leave.
 */
export async function assignOwners(_prev: OwnershipFormState, form: FormData): Promise<OwnershipFormState> {
  const allowed = await requireActionRole({ role: "maintainer" });
  return runOwnershipAction({
    allowed,
    run: async () => {
      if ("refused" in allowed) throw new ForbiddenError(allowed.refused);
      const services = form.getAll("service").map(String);
      const team = String(form.get("team") ?? "");
      for (const judged of [...(await listServiceTeams({ slugs: services })), slugify(team)])
        if (!allows(allowed.principal, "maintainer", { team: judged }))
          throw new ForbiddenError(
            `${allowed.principal.name} may not move services ${judged ? `of or to ${judged}` : "that no team owns"}.`,
          );
      if (services.length === 0) return "Check the services to assign first.";
      const result = await assignServicesTeam({ input: { services, team: team || null }, audit: await requestAuditContext() });
      return `${result.services} service${result.services === 1 ? "" : "s"} assigned to ${result.team?.name ?? "the ownership rules"}.`;
    },
  });
}
