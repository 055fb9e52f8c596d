"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireActionRole } from "@/lib/auth/require-action-role";
import { requestAuditContext } from "@/lib/auth/request-audit-context";
import { deleteChannel } from "@/lib/notifications/delete-channel";
import { findChannelTeam } from "@/lib/notifications/find-channel-team";

export interface RemoveChannelFormState {
  error?: string;
}

const removeChannelInput = z.object({ id: z.coerce.number().int().positive() });

/** Server action of a channel's "Delete" button: admins or maintainers of the channel's team. */
export async function removeChannel(_prev: RemoveChannelFormState, form: FormData): Promise<RemoveChannelFormState> {
  const parsed = removeChannelInput.safeParse({ id: form.get("id") });
  const team = parsed.success ? await findChannelTeam({ id: parsed.data.id }) : null;
  const allowed = await requireActionRole({ role: "maintainer", team });
  if ("refused" in allowed) return { error: allowed.refused };
  if (!parsed.success || !team) return { error: "no such channel" };
  await deleteChannel({ id: parsed.data.id, audit: await requestAuditContext() });
  revalidatePath(`/teams/${team}`);
  return {};
}
