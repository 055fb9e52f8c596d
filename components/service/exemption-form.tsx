"use client";

import { useActionState, useState, useSyncExternalStore } from "react";
import { exemptFinding, type ExemptionFormState } from "@/lib/actions/exemption-actions";

const field = "mt-0.5 block w-full rounded border border-slate-300 bg-white px-2 py-1 dark:border-slate-700 dark:bg-slate-900";

type Props = { slug: string; checkId: string; fingerprint: string; id: string };

/**
 * A failing finding's "Exempt" form, closed until opened: this finding only (its fingerprint) or the check for
 * the whole service, a kind, a reason and an expiry (required for an accepted risk). The server decides the rest.
 * A service page has one per failing finding, and their markup in every view doubled the page (193 KB for 60
 * findings against a 100 KB budget): the control appears once the page is interactive (a server action needs
 * that anyway) and its form is rendered only once opened.
 */
export function ExemptionForm(props: Props) {
  const [open, setOpen] = useState(false);
  // False on the server and while hydrating, true after: nothing to subscribe to.
  const interactive = useSyncExternalStore(
    () => () => {},
    () => true,
    () => false,
  );
  if (!interactive) return null;
  return (
    <details data-testid="exempt-form" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>Exempt…</summary>
      {open ? <ExemptionFormBody {...props} /> : null}
    </details>
  );
}

function ExemptionFormBody({ slug, checkId, fingerprint, id }: Props) {
  const [state, action, pending] = useActionState<ExemptionFormState, FormData>(exemptFinding, { message: "" });
  return (
    <form action={action} className="mt-2 grid gap-2 text-sm sm:grid-cols-2">
      <input type="hidden" name="slug" value={slug} />
      <input type="hidden" name="checkId" value={checkId} />
      <input type="hidden" name="fingerprint" value={fingerprint} />
      <label>
        Covers
        <select name="scope" defaultValue="finding" className={field}>
          <option value="finding">this finding only</option>
          <option value="service">this check for the whole service</option>
        </select>
      </label>
      <label>
        Kind
        <select name="kind" defaultValue="accepted-risk" className={field}>
          <option value="accepted-risk">accepted risk</option>
          <option value="false-positive">false positive</option>
          <option value="not-applicable">not applicable here</option>
        </select>
      </label>
      <label className="sm:col-span-2">
        Reason
        <textarea name="reason" id={`${id}-reason`} required rows={2} maxLength={1000} className={field} />
      </label>
      <label>
        Expires
        <input type="date" name="expiresAt" className={field} />
      </label>
      <div className="flex items-end gap-2">
        <button
          type="submit"
          disabled={pending}
          className="rounded bg-slate-700 px-2 py-1 text-white hover:bg-slate-800 disabled:opacity-60"
        >
          {pending ? "Saving…" : "Exempt"}
        </button>
      </div>
      <p role="status" className={`sm:col-span-2 ${state.error ? "text-red-800 dark:text-red-300" : "text-slate-700 dark:text-slate-300"}`}>
        {state.message}
      </p>
    </form>
  );
}
