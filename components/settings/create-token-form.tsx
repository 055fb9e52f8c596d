"use client";

import { FIELD_CLASS as FIELD, FormField as Field } from "@/components/ui/form-field";
import { useActionState, useState } from "react";
import { createToken, type CreateTokenFormState } from "@/lib/actions/create-token";

/** The token just made, shown this once with a copy button: Dozen keeps only its hash. */
function NewSecret({ created }: { created: NonNullable<CreateTokenFormState["created"]> }) {
  const [copied, setCopied] = useState(false);
  return (
    <div
      role="status"
      className="space-y-2 rounded border border-emerald-300 bg-emerald-50 p-3 text-sm text-emerald-950 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-100"
    >
      <p>
        Made <strong>{created.name}</strong>. Copy its token now: it is shown only this once.
      </p>
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor="new-token-secret" className="sr-only">
          New API token
        </label>
        <input
          id="new-token-secret"
          readOnly
          value={created.secret}
          onFocus={(e) => e.currentTarget.select()}
          className="min-w-0 flex-1 rounded border border-emerald-400 bg-white px-2 py-1 font-mono text-xs text-slate-950 dark:bg-slate-900 dark:text-slate-100"
        />
        <button
          type="button"
          onClick={() => void navigator.clipboard?.writeText(created.secret).then(() => setCopied(true))}
          className="rounded bg-emerald-800 px-2 py-1 text-xs text-white hover:bg-emerald-900"
        >
          {copied ? "Copied" : "Copy token"}
        </button>
      </div>
      <p className="text-xs">
        Send it as <code>Authorization: Bearer …</code>; the CLI reads it from <code>DOZEN_TOKEN</code>.
      </p>
    </div>
  );
}

/** The settings page's "new API token" form (admins only, checked again by the server action). */
export function CreateTokenForm() {
  const [state, action, pending] = useActionState<CreateTokenFormState, FormData>(createToken, {});
  const e = state.errors ?? {};
  const v = state.values;
  return (
    <div className="space-y-3">
      {state.created ? <NewSecret key={state.created.id} created={state.created} /> : null}
      <form action={action} noValidate className="grid gap-3 sm:grid-cols-2">
        <Field id="token-name" label="Name" hint="What it is for, e.g. “CI deploys”." error={e.name}>
          <input
            id="token-name"
            name="name"
            defaultValue={v?.name}
            aria-invalid={e.name ? true : undefined}
            aria-describedby="token-name-hint"
            className={FIELD}
          />
        </Field>
        <Field
          id="token-role"
          label="Role"
          hint="Viewer reads; maintainer also sets owners and scans; admin does everything."
          error={e.role}
        >
          <select id="token-role" name="role" defaultValue={v?.role ?? "viewer"} aria-describedby="token-role-hint" className={FIELD}>
            <option value="viewer">viewer</option>
            <option value="maintainer">maintainer</option>
            <option value="admin">admin</option>
          </select>
        </Field>
        <Field
          id="token-teams"
          label="Teams (optional)"
          hint="Maintainer only: team slugs, comma-separated. Empty: every team."
          error={e.teams}
        >
          <input
            id="token-teams"
            name="teams"
            defaultValue={v?.teams}
            spellCheck={false}
            aria-invalid={e.teams ? true : undefined}
            aria-describedby="token-teams-hint"
            className={FIELD}
          />
        </Field>
        <Field id="token-expires" label="Expires in" hint="It is refused after that; make a new one." error={e.expiresIn}>
          <select
            id="token-expires"
            name="expiresIn"
            defaultValue={v?.expiresIn ?? "90d"}
            aria-describedby="token-expires-hint"
            className={FIELD}
          >
            <option value="30d">30 days</option>
            <option value="90d">90 days</option>
            <option value="1y">1 year</option>
            <option value="never">never</option>
          </select>
        </Field>
        <div className="flex items-center gap-3 sm:col-span-2">
          <button
            type="submit"
            disabled={pending}
            className="rounded bg-sky-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-sky-800 disabled:opacity-60"
          >
            {pending ? "Making…" : "Make token"}
          </button>
          {state.refused ? (
            <p role="alert" className="text-sm text-red-800 dark:text-red-300">
              {state.refused}
            </p>
          ) : null}
        </div>
      </form>
    </div>
  );
}
