"use server";

import { revalidatePath } from "next/cache";
import { createApiTokenInput } from "@/lib/auth/api-tokens/api-token-input";
import { createApiToken } from "@/lib/auth/api-tokens/create-api-token";
import { requireActionRole } from "@/lib/auth/require-action-role";
import { requestAuditContext } from "@/lib/auth/request-audit-context";

export interface CreateTokenFormState {
  /** Per field (name, role, teams, expiresIn), what is wrong with it. */
  errors?: Record<string, string>;
  /** Why the whole form was refused (not an admin). */
  refused?: string;
  /** What was typed, kept when refused. */
  values?: { name: string; role: string; teams: string; expiresIn: string };
  /** The token just made: its secret is in this answer once and never again. */
  created?: { id: number; name: string; prefix: string; secret: string; expiresAt: string | null };
}

/** Server action of the settings page's "new API token" form: admins only, validated by the same schema as `dozen tokens create`. */
export async function createToken(_prev: CreateTokenFormState, form: FormData): Promise<CreateTokenFormState> {
  const values = {
    name: String(form.get("name") ?? ""),
    role: String(form.get("role") ?? ""),
    teams: String(form.get("teams") ?? ""),
    expiresIn: String(form.get("expiresIn") ?? ""),
  };
  const allowed = await requireActionRole({ role: "admin" });
  if ("refused" in allowed) return { refused: allowed.refused, values };
  const parsed = createApiTokenInput.safeParse({
    ...values,
    teams: values.teams
      .split(",")
      .map((t) => t.trim())
      .filter(Boolean),
  });
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? "form")] ??= issue.message;
    return { errors, values };
  }
  const made = await createApiToken({ input: parsed.data, audit: await requestAuditContext() });
  revalidatePath("/settings/tokens");
  return { created: { ...made, expiresAt: made.expiresAt?.toISOString() ?? null } };
}
