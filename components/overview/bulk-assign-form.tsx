"use client";

import { useActionState, useEffect } from "react";
import { assignOwners } from "@/lib/actions/assign-owners";
import { SubmitWithStatus } from "@/components/ui/submit-with-status";
import type { OwnershipFormState } from "@/lib/actions/run-ownership-action";

/**
 * The heatmap's "Assign to team": the checked services go to an existing team by hand (or back to the
 * rules). Teams are chosen, never typed, so a typo cannot start one; `onDone` clears the checks and reloads.
 */
export function BulkAssignForm({
  selected,
  teams,
  onDone,
}: {
  selected: string[];
  teams: { slug: string; name: string }[];
  onDone: () => void;
}) {
  const [state, action, pending] = useActionState<OwnershipFormState, FormData>(assignOwners, { message: "" });
  useEffect(() => {
    if (state.message && !state.error) onDone();
    // Only a new answer of the action counts, not a new onDone.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state]);
  return (
    <form
      action={action}
      className="flex flex-wrap items-center gap-2 rounded border border-slate-200 p-2 text-sm dark:border-slate-800"
      aria-label="Assign checked services"
    >
      {selected.map((slug) => (
        <input key={slug} type="hidden" name="service" value={slug} />
      ))}
      <span data-testid="selected-count">{selected.length} checked</span>
      <label htmlFor="bulk-team">Assign to team</label>
      <select
        id="bulk-team"
        name="team"
        className="max-w-full rounded border border-slate-300 bg-white px-2 py-0.5 dark:border-slate-700 dark:bg-slate-900"
      >
        {teams.map((t) => (
          <option key={t.slug} value={t.slug}>
            {t.name}
          </option>
        ))}
        <option value="">Back to the ownership rules</option>
      </select>
      <SubmitWithStatus
        text="Assign"
        busyText="Assigning…"
        pending={pending}
        disabled={selected.length === 0}
        state={state}
        className="rounded bg-slate-700 px-2 py-0.5 text-white hover:bg-slate-800 disabled:opacity-60"
      />
    </form>
  );
}
