"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { revokeApiToken } from "@/lib/auth/api-tokens/revoke-api-token";
import { requireActionRole } from "@/lib/auth/require-action-role";
import { requestAuditContext } from "@/lib/auth/request-audit-context";
import { NotFoundError } from "@/lib/errors";

export interface RevokeTokenFormState {
  error?: string;
}

const revokeTokenInput = z.object({ id: z.coerce.number().int().positive() });

/** Server action of a token row's "Revoke" button: admins only; the token is refused from the next request on. */
export async function revokeToken(_prev: RevokeTokenFormState, form: FormData): Promise<RevokeTokenFormState> {
  const allowed = await requireActionRole({ role: "admin" });
  if ("refused" in allowed) return { error: allowed.refused };
  const parsed = revokeTokenInput.safeParse({ id: form.get("id") });
  if (!parsed.success) return { error: "no such token" };
  try {
    await revokeApiToken({ ref: String(parsed.data.id), audit: await requestAuditContext() });
  } catch (error) {
    if (error instanceof NotFoundError) return { error: error.message };
    throw error;
  }
  revalidatePath("/settings/tokens");
  return {};
}
