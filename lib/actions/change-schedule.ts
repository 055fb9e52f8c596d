"use server";

import { revalidatePath } from "next/cache";
import { requireActionRole } from "@/lib/auth/require-action-role";
import { requestAuditContext } from "@/lib/auth/request-audit-context";
import { NotFoundError } from "@/lib/errors";
import { getWebBoss } from "@/lib/jobs/get-web-boss";
import { updateSourceSchedule, updateSourceScheduleInput } from "@/lib/sources/update-source-schedule";

export interface ScheduleFormState {
  error?: string;
  message?: string;
  /** The refused expression, so the field keeps what the person typed. */
  value?: string;
}

/** Server action of a source's "change schedule" form. */
export async function changeSchedule(_prev: ScheduleFormState, form: FormData): Promise<ScheduleFormState> {
  const input = { sourceId: String(form.get("sourceId") ?? ""), schedule: String(form.get("schedule") ?? "") };
  const allowed = await requireActionRole({ role: "admin" });
  if ("refused" in allowed) return { error: allowed.refused, value: input.schedule };
  const parsed = updateSourceScheduleInput.safeParse(input);
  if (!parsed.success) return { error: parsed.error.issues[0]?.message ?? "invalid schedule", value: input.schedule };
  try {
    const { schedule } = await updateSourceSchedule({ input, boss: await getWebBoss(), audit: await requestAuditContext() });
    revalidatePath("/sources");
    return { message: schedule ? `Scheduled: ${schedule} (UTC).` : "On demand only." };
  } catch (error) {
    if (error instanceof NotFoundError) return { error: error.message };
    throw error;
  }
}
