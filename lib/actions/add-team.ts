"use server";

import { runOwnershipAction, type OwnershipFormState } from "@/lib/actions/run-ownership-action";
import { requireActionRole } from "@/lib/auth/require-action-role";
import { requestAuditContext } from "@/lib/auth/request-audit-context";
import { createTeam } from "@/lib/persistence/create-team";

/** Server action of Settings → Ownership's "New team": admins only; the one way a team is made by hand. */
export async function addTeam(_prev: OwnershipFormState, form: FormData): Promise<OwnershipFormState> {
  const allowed = await requireActionRole({ role: "admin" });
  return runOwnershipAction({
    allowed,
    run: async () => {
      const team = await createTeam({ input: { name: String(form.get("name") ?? "") }, audit: await requestAuditContext() });
      return `Team ${team.name} made.`;
    },
  });
}
