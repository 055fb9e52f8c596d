"use client";

import { useActionState } from "react";
import { changeSchedule, type ScheduleFormState } from "@/lib/actions/change-schedule";

/**
 * Changes one source's schedule in place. Its message is a polite live region, not role="status", so the
 * card's "scan now" status stays the only status in it.
 */
export function ScheduleForm({ sourceId, sourceName, schedule }: { sourceId: number; sourceName: string; schedule: string | null }) {
  const [state, action, pending] = useActionState<ScheduleFormState, FormData>(changeSchedule, {});
  const id = `schedule-${sourceId}`;
  return (
    <form action={action} noValidate className="flex flex-wrap items-start gap-2 text-sm">
      <input type="hidden" name="sourceId" value={sourceId} />
      <label htmlFor={id} className="sr-only">
        Schedule of {sourceName} (cron, UTC; empty for on demand)
      </label>
      <input
        id={id}
        name="schedule"
        defaultValue={state.value ?? schedule ?? ""}
        placeholder="on demand"
        spellCheck={false}
        aria-invalid={state.error ? true : undefined}
        aria-describedby={`${id}-message`}
        className="w-40 rounded border border-slate-300 bg-white px-2 py-0.5 font-mono text-xs aria-invalid:border-red-700 dark:border-slate-700 dark:bg-slate-900"
      />
      <button
        type="submit"
        disabled={pending}
        className="rounded bg-slate-700 px-2 py-0.5 text-xs text-white hover:bg-slate-800 disabled:opacity-60"
      >
        {pending ? "Saving…" : "Save schedule"}
      </button>
      <p
        id={`${id}-message`}
        aria-live="polite"
        className={`w-full text-xs ${state.error ? "text-red-800 dark:text-red-300" : "text-slate-600 dark:text-slate-300"}`}
      >
        {state.error ?? state.message ?? "Cron, UTC. Empty: on demand only."}
      </p>
    </form>
  );
}
