"use server";

import { revalidatePath } from "next/cache";
import { requireActionRole } from "@/lib/auth/require-action-role";
import { requestAuditContext } from "@/lib/auth/request-audit-context";
import { NotFoundError } from "@/lib/errors";
import { updateInitiative } from "@/lib/initiatives/update-initiative";

export interface CloseInitiativeFormState {
  error?: string;
}

/** Server action of an initiative page's Close / Reopen button: admins only; a closed one keeps its history. */
export async function closeInitiative(_prev: CloseInitiativeFormState, form: FormData): Promise<CloseInitiativeFormState> {
  const allowed = await requireActionRole({ role: "admin" });
  if ("refused" in allowed) return { error: allowed.refused };
  const slug = String(form.get("slug") ?? "");
  try {
    await updateInitiative({ slug, input: { closed: form.get("closed") === "true" }, audit: await requestAuditContext() });
  } catch (error) {
    if (error instanceof NotFoundError) return { error: error.message };
    throw error;
  }
  revalidatePath("/initiatives");
  revalidatePath(`/initiatives/${slug}`);
  return {};
}
