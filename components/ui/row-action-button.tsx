"use client";

import { useActionState } from "react";

/**
 * A row's destructive button (revoke a token, delete a channel): posts `id` to a server action, says
 * `pending` while it runs, and the action's refusal beside it. `label` names what it acts on for screen readers.
 */
export function RowActionButton(props: {
  action: (prev: { error?: string }, form: FormData) => Promise<{ error?: string }>;
  id: number;
  label: string;
  text: string;
  pending: string;
}) {
  const [state, action, pending] = useActionState(props.action, {});
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="id" value={props.id} />
      <button
        type="submit"
        disabled={pending}
        aria-label={props.label}
        className="rounded border border-red-700 px-2 py-0.5 text-xs text-red-800 hover:bg-red-50 disabled:opacity-60 dark:text-red-300 dark:hover:bg-red-950"
      >
        {pending ? props.pending : props.text}
      </button>
      {state.error ? (
        <span role="alert" className="text-xs text-red-800 dark:text-red-300">
          {state.error}
        </span>
      ) : null}
    </form>
  );
}
