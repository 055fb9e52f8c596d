"use client";

import { useActionState } from "react";
import { closeInitiative, type CloseInitiativeFormState } from "@/lib/actions/close-initiative";

/** Closes an open initiative (its history stays) or reopens a closed one; a refusal is said beside it. */
export function CloseInitiativeButton({ slug, closed }: { slug: string; closed: boolean }) {
  const [state, action, pending] = useActionState<CloseInitiativeFormState, FormData>(closeInitiative, {});
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="slug" value={slug} />
      <input type="hidden" name="closed" value={closed ? "false" : "true"} />
      <button
        type="submit"
        disabled={pending}
        className="rounded border border-slate-400 px-2 py-1 text-sm hover:bg-slate-100 disabled:opacity-60 dark:hover:bg-slate-800"
      >
        {pending ? "Saving…" : closed ? "Reopen" : "Close initiative"}
      </button>
      {state.error ? (
        <span role="alert" className="text-xs text-red-800 dark:text-red-300">
          {state.error}
        </span>
      ) : null}
    </form>
  );
}
