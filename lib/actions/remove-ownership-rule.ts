"use server";

import { z } from "zod";
import { runOwnershipAction } from "@/lib/actions/run-ownership-action";
import { requireActionRole } from "@/lib/auth/require-action-role";
import { requestAuditContext } from "@/lib/auth/request-audit-context";
import { deleteOwnershipRule } from "@/lib/persistence/delete-ownership-rule";

/** Server action of a rule row's "Delete" button: admins only; ownership is re-applied at once. */
export async function removeOwnershipRule(_prev: { error?: string }, form: FormData): Promise<{ error?: string }> {
  const allowed = await requireActionRole({ role: "admin" });
  const state = await runOwnershipAction({
    allowed,
    run: async () => {
      const id = z.coerce.number().int().positive().parse(form.get("id"));
      await deleteOwnershipRule({ id, audit: await requestAuditContext() });
      return "";
    },
  });
  return state.error ? { error: state.message } : {};
}
