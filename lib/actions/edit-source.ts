"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { requireActionRole } from "@/lib/auth/require-action-role";
import { requestAuditContext } from "@/lib/auth/request-audit-context";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import { getWebBoss } from "@/lib/jobs/get-web-boss";
import type { SourceFormState } from "@/lib/actions/submit-source";
import { findSourceKind } from "@/lib/sources/kinds/registry";
import { readSourceChanges } from "@/lib/sources/read-source-changes";
import { updateSource } from "@/lib/sources/update-source";

const editForm = z.object({ sourceId: z.coerce.number().int().positive(), kind: z.string() });

/**
 * Server action of a source's edit form (the add form's fields, filled): read it through the kind's field
 * list as changes, update (validated exactly as adding is, the cron entry following the schedule unless the
 * source is paused), then show the list. Refusals land on their fields like the add form's.
 */
export async function editSource(_prev: SourceFormState, form: FormData): Promise<SourceFormState> {
  const values = Object.fromEntries([...form.entries()].filter((e): e is [string, string] => typeof e[1] === "string"));
  const allowed = await requireActionRole({ role: "admin" });
  if ("refused" in allowed) return { errors: { form: allowed.refused }, values };
  const parsed = editForm.safeParse({ sourceId: form.get("sourceId"), kind: form.get("kind") });
  const kind = parsed.success ? findSourceKind(parsed.data.kind) : undefined;
  if (!parsed.success || !kind) return { errors: { form: "This form does not name a source to edit." }, values };
  try {
    const changes = readSourceChanges({ fields: kind.form.fields, form });
    await updateSource({
      sourceId: parsed.data.sourceId,
      changes: { ...changes, kind: kind.kind },
      boss: await getWebBoss(),
      audit: await requestAuditContext(),
    });
  } catch (error) {
    if (error instanceof ConflictError) return { errors: { name: error.message }, values };
    if (error instanceof NotFoundError) return { errors: { form: "This source no longer exists: it was deleted." }, values };
    if (error instanceof ValidationError) {
      const fields = Object.keys(error.fields).length > 0 ? error.fields : { [kind.refusedField ?? "form"]: error.message };
      return { errors: { ...fields }, values };
    }
    throw error;
  }
  revalidatePath("/sources");
  redirect(`/sources?edited=${parsed.data.sourceId}`);
}
