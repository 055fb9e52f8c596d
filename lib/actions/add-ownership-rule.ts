"use server";

import { runOwnershipAction, type OwnershipFormState } from "@/lib/actions/run-ownership-action";
import { requireActionRole } from "@/lib/auth/require-action-role";
import { requestAuditContext } from "@/lib/auth/request-audit-context";
import { createOwnershipRule } from "@/lib/persistence/create-ownership-rule";
import { createOwnershipRuleInput } from "@/lib/ownership/ownership-rule-input";

/** Server action of Settings → Ownership's "Add rule": admins only; ownership is re-applied at once. */
export async function addOwnershipRule(_prev: OwnershipFormState, form: FormData): Promise<OwnershipFormState> {
  const allowed = await requireActionRole({ role: "admin" });
  return runOwnershipAction({
    allowed,
    run: async () => {
      const input = createOwnershipRuleInput.parse({
        kind: form.get("kind"),
        pattern: form.get("pattern"),
        team: form.get("team"),
        ...(form.get("position") ? { position: form.get("position") } : {}),
      });
      const { moved } = await createOwnershipRule({ input, audit: await requestAuditContext() });
      return `Rule added; ${moved} service${moved === 1 ? "" : "s"} changed owner.`;
    },
  });
}
