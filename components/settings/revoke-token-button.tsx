"use client";

import { useActionState } from "react";
import { revokeToken, type RevokeTokenFormState } from "@/lib/actions/revoke-token";

/** Revokes one token; a refusal is said beside the button. */
export function RevokeTokenButton({ id, name }: { id: number; name: string }) {
  const [state, action, pending] = useActionState<RevokeTokenFormState, FormData>(revokeToken, {});
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="id" value={id} />
      <button
        type="submit"
        disabled={pending}
        aria-label={`Revoke ${name}`}
        className="rounded border border-red-700 px-2 py-0.5 text-xs text-red-800 hover:bg-red-50 disabled:opacity-60 dark:text-red-300 dark:hover:bg-red-950"
      >
        {pending ? "Revoking…" : "Revoke"}
      </button>
      {state.error ? (
        <span role="alert" className="text-xs text-red-800 dark:text-red-300">
          {state.error}
        </span>
      ) : null}
    </form>
  );
}
