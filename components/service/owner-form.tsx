"use client";

import { useActionState } from "react";
import { updateOwner, type OwnerFormState } from "@/lib/actions/update-owner";

/** Shows who owns the service and where that came from, and lets a person override it. */
export function OwnerForm({ slug, team, ownerSource }: { slug: string; team: string | null; ownerSource: string | null }) {
  const [state, action, pending] = useActionState<OwnerFormState, FormData>(updateOwner, { message: "" });
  return (
    <form action={action} className="flex flex-wrap items-center gap-2 text-sm">
      <input type="hidden" name="slug" value={slug} />
      <label htmlFor="owner-team" className="text-slate-700 dark:text-slate-300">
        Owner
        {ownerSource
          ? ` (from ${ownerSource === "manual" ? "a person" : ownerSource === "cluster label" ? "a cluster label" : ownerSource})`
          : ""}
      </label>
      <input
        id="owner-team"
        name="team"
        defaultValue={team ?? ""}
        placeholder="team name"
        className="rounded border border-slate-300 bg-white px-2 py-0.5 dark:border-slate-700 dark:bg-slate-900"
      />
      <button
        type="submit"
        disabled={pending}
        className="rounded bg-slate-700 px-2 py-0.5 text-white hover:bg-slate-800 disabled:opacity-60"
      >
        {pending ? "Saving…" : "Set owner"}
      </button>
      <span role="status" className={state.error ? "text-red-800 dark:text-red-300" : "text-slate-700 dark:text-slate-300"}>
        {state.message}
      </span>
    </form>
  );
}
