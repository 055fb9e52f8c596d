"use client";

import { useActionState } from "react";
import { decideExemptionForm, type ExemptionFormState } from "@/lib/actions/exemption-actions";

/** Revoke (or approve) one exemption; the server checks the role and records who did it. */
export function DecideExemptionButton({ id, decision, label }: { id: number; decision: "approve" | "revoke"; label: string }) {
  const [state, action, pending] = useActionState<ExemptionFormState, FormData>(decideExemptionForm, { message: "" });
  return (
    <form action={action} className="inline-flex flex-wrap items-center gap-2 text-sm">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="decision" value={decision} />
      <button
        type="submit"
        disabled={pending}
        aria-label={label}
        className="rounded border border-slate-400 px-2 py-0.5 hover:bg-slate-100 disabled:opacity-60 dark:hover:bg-slate-800"
      >
        {pending ? "…" : decision === "approve" ? "Approve" : "Revoke"}
      </button>
      <span role="status" className={state.error ? "text-red-800 dark:text-red-300" : ""}>
        {state.message}
      </span>
    </form>
  );
}
