"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { requireActionRole } from "@/lib/auth/require-action-role";
import { requestAuditContext } from "@/lib/auth/request-audit-context";
import { NotFoundError } from "@/lib/errors";
import { getWebBoss } from "@/lib/jobs/get-web-boss";
import { deleteSource } from "@/lib/sources/delete-source";
import { setSourcePaused } from "@/lib/sources/set-source-paused";

export interface SourceStateForm {
  error?: string;
  message?: string;
}

const stateForm = z.object({ sourceId: z.coerce.number().int().positive(), change: z.enum(["pause", "resume", "delete"]) });

/**
 * Server action of a source card's pause, resume and (confirmed) delete buttons: the button names the change.
 * The sources page re-renders with the source paused or running again; after a delete it says so in place
 * of the card.
 */
export async function changeSourceState(_prev: SourceStateForm, form: FormData): Promise<SourceStateForm> {
  const allowed = await requireActionRole({ role: "admin" });
  if ("refused" in allowed) return { error: allowed.refused };
  const parsed = stateForm.safeParse({ sourceId: form.get("sourceId"), change: form.get("change") });
  if (!parsed.success) return { error: "This form does not name a source and a change." };
  const { sourceId, change } = parsed.data;
  let deleted: string | undefined;
  try {
    const [boss, audit] = [await getWebBoss(), await requestAuditContext()];
    if (change === "delete") {
      const { name } = await deleteSource({ sourceId, boss, audit });
      deleted = name;
    } else await setSourcePaused({ sourceId, paused: change === "pause", boss, audit });
  } catch (error) {
    if (error instanceof NotFoundError) return { error: "This source no longer exists." };
    throw error;
  }
  if (deleted !== undefined) {
    // Its card is gone, so the page says what happened; every page that counted its services changes too.
    revalidatePath("/", "layout");
    redirect(`/sources?deleted=${encodeURIComponent(deleted)}`);
  }
  revalidatePath("/sources");
  return { message: change === "pause" ? "Paused: no scheduled scans until resumed." : "Resumed: scanned on its schedule again." };
}
