"use client";

import Link from "next/link";
import { useActionState, useEffect, useRef, useState } from "react";
import { changeSourceState, type SourceStateForm } from "@/lib/actions/change-source-state";

const BUTTON =
  "rounded border border-slate-300 px-2 py-1 text-xs font-medium hover:bg-slate-100 disabled:opacity-60 dark:border-slate-700 dark:hover:bg-slate-800";
const DANGER = "rounded bg-red-700 px-2 py-1 text-xs font-medium text-white hover:bg-red-800 disabled:opacity-60";

/**
 * A source's administration: edit (a page), pause or resume (one click), delete (asks first, saying what is
 * kept). The buttons work before hydration too: each is a form posting to one server action.
 */
export function SourceAdmin(props: { sourceId: number; sourceName: string; paused: boolean }) {
  const [state, action, pending] = useActionState<SourceStateForm, FormData>(changeSourceState, {});
  const [confirming, setConfirming] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const deleteRef = useRef<HTMLButtonElement>(null);
  const asked = useRef(false);
  useEffect(() => {
    // Focus follows the question: onto "Delete" when it is asked, back to the first button when cancelled.
    if (confirming) confirmRef.current?.focus();
    else if (asked.current) deleteRef.current?.focus();
    asked.current = confirming;
  }, [confirming]);
  const name = props.sourceName;
  return (
    <div className="mt-3 border-t border-slate-100 pt-3 dark:border-slate-800">
      <form action={action} className="flex flex-wrap items-center gap-2">
        <input type="hidden" name="sourceId" value={props.sourceId} />
        <Link href={`/sources/${props.sourceId}/edit`} className={BUTTON} aria-label={`Edit ${name}`}>
          Edit
        </Link>
        <button
          type="submit"
          name="change"
          value={props.paused ? "resume" : "pause"}
          disabled={pending}
          className={BUTTON}
          aria-label={`${props.paused ? "Resume" : "Pause"} ${name}`}
        >
          {props.paused ? "Resume" : "Pause"}
        </button>
        {confirming ? null : (
          <button ref={deleteRef} type="button" onClick={() => setConfirming(true)} className={BUTTON} aria-label={`Delete ${name}…`}>
            Delete…
          </button>
        )}
        <span aria-live="polite" className="text-xs text-slate-600 dark:text-slate-300">
          {state.error ? <span className="text-red-800 dark:text-red-300">{state.error}</span> : (state.message ?? "")}
        </span>
      </form>
      {confirming ? (
        <form
          action={action}
          role="group"
          aria-labelledby={`delete-${props.sourceId}`}
          className="mt-2 rounded border border-red-300 bg-red-50 p-3 text-sm dark:border-red-800 dark:bg-red-950"
        >
          <input type="hidden" name="sourceId" value={props.sourceId} />
          <p id={`delete-${props.sourceId}`} className="text-red-950 dark:text-red-100">
            Delete <strong>{name}</strong>? It leaves this list and is never scanned again; a queued scan is cancelled. Its scans, services,
            scores and findings stay readable.
          </p>
          <div className="mt-2 flex gap-2">
            <button ref={confirmRef} type="submit" name="change" value="delete" disabled={pending} className={DANGER}>
              {pending ? "Deleting…" : `Delete ${name}`}
            </button>
            <button type="button" onClick={() => setConfirming(false)} className={BUTTON}>
              Cancel
            </button>
          </div>
        </form>
      ) : null}
    </div>
  );
}
