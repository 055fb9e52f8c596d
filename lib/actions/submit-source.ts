"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireActionRole } from "@/lib/auth/require-action-role";
import { requestAuditContext } from "@/lib/auth/request-audit-context";
import { ConflictError, ValidationError } from "@/lib/errors";
import { getWebBoss } from "@/lib/jobs/get-web-boss";
import { requestScan } from "@/lib/persistence/scan-run/request-scan";
import { findSourceKind } from "@/lib/sources/kinds/registry";
import { readSourceForm } from "@/lib/sources/read-source-form";
import { registerSource } from "@/lib/sources/register-source";

export interface SourceFormState {
  /** Per field, keyed like the field's name ("config.tokenEnv"); "form" for what belongs to no field. */
  errors: Record<string, string>;
  /** What was submitted, so a refused form comes back as the person left it. */
  values: Record<string, string>;
}

/**
 * Server action of every add-source form (the form names its kind): read the form through the kind's own
 * field list, register (validated by the kind's schema, a schedule pg-boss can evaluate included, and
 * scheduled at once), queue the first scan, then show the list.
 */
export async function submitSource(_prev: SourceFormState, form: FormData): Promise<SourceFormState> {
  const values = Object.fromEntries([...form.entries()].filter((e): e is [string, string] => typeof e[1] === "string"));
  const allowed = await requireActionRole({ role: "admin" });
  if ("refused" in allowed) return { errors: { form: allowed.refused }, values };
  const kind = findSourceKind(String(form.get("kind") ?? ""));
  if (!kind) return { errors: { form: "Pick a kind of source." }, values };
  let added: { sourceId: number; scanId: number };
  try {
    const [boss, audit] = [await getWebBoss(), await requestAuditContext()];
    const { id } = await registerSource({ kind: kind.kind, input: readSourceForm({ fields: kind.form.fields, form }), boss, audit });
    const { scanId } = await requestScan({ boss, sourceId: id, trigger: "manual", audit });
    added = { sourceId: id, scanId };
  } catch (error) {
    if (error instanceof ConflictError) return { errors: { name: error.message }, values };
    if (error instanceof ValidationError) {
      // Schema problems land on their fields; what only the server can judge (a directory exists, a
      // kubeconfig is configured) on the field the kind names.
      const fields = Object.keys(error.fields).length > 0 ? error.fields : { [kind.refusedField ?? "form"]: error.message };
      return { errors: { ...fields }, values };
    }
    throw error;
  }
  revalidatePath("/sources");
  redirect(`/sources?added=${added.sourceId}&scan=${added.scanId}`);
}
