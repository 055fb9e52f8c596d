"use client";

import { useActionState } from "react";

const TONES = {
  danger:
    "rounded border border-red-700 px-2 py-0.5 text-xs text-red-800 hover:bg-red-50 disabled:opacity-60 dark:text-red-300 dark:hover:bg-red-950",
  plain: "rounded border border-slate-400 px-2 py-1 text-sm hover:bg-slate-100 disabled:opacity-60 dark:hover:bg-slate-800",
} as const;

/**
 * A one-button form acting on one row or record (revoke a token, delete a channel, move a rule, close an
 * initiative): posts `fields` to a server action, says `pending` while it runs, and the action's refusal beside
 * it. `label`, when the visible text alone is ambiguous, names what it acts on for screen readers. `danger`
 * (the default) for what removes something.
 */
export function RowActionButton(props: {
  action: (prev: { error?: string }, form: FormData) => Promise<{ error?: string }>;
  fields: Record<string, string | number>;
  label?: string;
  text: string;
  pending: string;
  tone?: keyof typeof TONES;
}) {
  const [state, action, pending] = useActionState(props.action, {});
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      {Object.entries(props.fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" disabled={pending} aria-label={props.label} className={TONES[props.tone ?? "danger"]}>
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
