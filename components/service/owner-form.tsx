"use client";

import { useActionState } from "react";
import { SubmitWithStatus } from "@/components/ui/submit-with-status";
import { updateOwner, type OwnerFormState } from "@/lib/actions/update-owner";

/**
 * Lets a person set the service's owner to an existing team (never a new name typed in), or hand it back to
 * the ownership rules.
 */
export function OwnerForm({
  slug,
  team,
  manual,
  teams,
}: {
  slug: string;
  team: string | null;
  manual: boolean;
  teams: { slug: string; name: string }[];
}) {
  const [state, action, pending] = useActionState<OwnerFormState, FormData>(updateOwner, { message: "" });
  return (
    <form action={action} className="flex flex-wrap items-center gap-2 text-sm">
      <input type="hidden" name="slug" value={slug} />
      <label htmlFor="owner-team" className="text-slate-700 dark:text-slate-300">
        Set owner by hand
      </label>
      <select
        id="owner-team"
        name="team"
        defaultValue={manual ? (teams.find((t) => t.name === team)?.slug ?? "") : ""}
        className="max-w-full rounded border border-slate-300 bg-white px-2 py-0.5 dark:border-slate-700 dark:bg-slate-900"
      >
        <option value="">As the ownership rules give</option>
        {teams.map((t) => (
          <option key={t.slug} value={t.slug}>
            {t.name}
          </option>
        ))}
      </select>
      <SubmitWithStatus
        text="Set owner"
        busyText="Saving…"
        pending={pending}
        state={state}
        className="rounded bg-slate-700 px-2 py-0.5 text-white hover:bg-slate-800 disabled:opacity-60"
      />
    </form>
  );
}
