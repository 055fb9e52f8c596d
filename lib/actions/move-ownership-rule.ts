"use server";

import { z } from "zod";
import { runOwnershipAction } from "@/lib/actions/run-ownership-action";
import { requireActionRole } from "@/lib/auth/require-action-role";
import { requestAuditContext } from "@/lib/auth/request-audit-context";
import { updateOwnershipRule } from "@/lib/persistence/update-ownership-rule";

const moveInput = z.object({ id: z.coerce.number().int().positive(), position: z.coerce.number().int().min(1) });

/**
 * Server action of a rule row's "Move up" / "Move down": admins only; the same change as
 * `PATCH /api/v1/ownership-rules/{id}` `{ position }` (audited `ownership-rule.update`, ownership re-applied at once).
 */
export async function moveOwnershipRule(_prev: { error?: string }, form: FormData): Promise<{ error?: string }> {
  const allowed = await requireActionRole({ role: "admin" });
  const state = await runOwnershipAction({
    allowed,
    run: async () => {
      const { id, position } = moveInput.parse({ id: form.get("id"), position: form.get("position") });
      await updateOwnershipRule({ id, input: { position }, audit: await requestAuditContext() });
      return "";
    },
  });
  return state.error ? { error: state.message } : {};
}
