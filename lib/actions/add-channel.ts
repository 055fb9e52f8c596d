"use server";

import { revalidatePath } from "next/cache";
import { requireActionRole } from "@/lib/auth/require-action-role";
import { requestAuditContext } from "@/lib/auth/request-audit-context";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { createChannel } from "@/lib/notifications/create-channel";

export interface AddChannelFormState {
  /** Per field (kind, url, secret, minScoreDrop), what is wrong with it. */
  errors?: Record<string, string>;
  /** Why the whole form was refused (the role, the team, no key). */
  refused?: string;
  /** What was typed, kept when refused, never the URL or secret (credentials are typed again). */
  values?: { kind: string; minScoreDrop: string };
  /** The kind of the channel just added (the list below shows it). */
  added?: string;
}

/**
 * Server action of the team page's "Add a channel" form: admins or maintainers of that team, validated by the
 * same schema as `POST /api/v1/channels` (createChannel also checks the host, the key and the team).
 */
export async function addChannel(_prev: AddChannelFormState, form: FormData): Promise<AddChannelFormState> {
  const team = String(form.get("team") ?? "");
  const values = { kind: String(form.get("kind") ?? ""), minScoreDrop: String(form.get("minScoreDrop") ?? "") };
  const allowed = await requireActionRole({ role: "maintainer", team });
  if ("refused" in allowed) return { refused: allowed.refused, values };
  const secret = String(form.get("secret") ?? "");
  try {
    await createChannel({
      input: {
        team,
        kind: values.kind as "slack",
        url: String(form.get("url") ?? ""),
        ...(secret ? { secret } : {}),
        ...(values.minScoreDrop ? { minScoreDrop: Number(values.minScoreDrop) } : {}),
        fleetDigest: form.get("fleetDigest") === "on",
      },
      audit: await requestAuditContext(),
    });
  } catch (error) {
    if (error instanceof ValidationError)
      return Object.keys(error.fields).length ? { errors: { ...error.fields }, values } : { refused: error.message, values };
    if (error instanceof NotFoundError) return { refused: error.message, values };
    throw error;
  }
  revalidatePath(`/teams/${team}`);
  return { added: values.kind };
}
