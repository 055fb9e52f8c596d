"use client";

import { FIELD_CLASS as FIELD, FormField as Field } from "@/components/ui/form-field";
import { useActionState, useState } from "react";
import { addChannel, type AddChannelFormState } from "@/lib/actions/add-channel";

const LABELS: Record<string, string> = { slack: "Slack", teams: "Microsoft Teams", webhook: "Webhook (signed JSON)", email: "E-mail" };

/** The team page's "Add a channel" form (admins and the team's maintainers; the server action checks again). */
export function AddChannelForm({ team }: { team: string }) {
  const [state, action, pending] = useActionState<AddChannelFormState, FormData>(addChannel, {});
  const [kind, setKind] = useState(state.values?.kind ?? "slack");
  const e = state.errors ?? {};
  return (
    <form action={action} noValidate className="grid gap-3 sm:grid-cols-2" aria-label="Add a notification channel">
      <input type="hidden" name="team" value={team} />
      <Field id="channel-kind" label="Kind" hint="Where the team hears about drops, new failures and weekly digests." error={e.kind}>
        <select
          id="channel-kind"
          name="kind"
          value={kind}
          onChange={(ev) => setKind(ev.currentTarget.value)}
          aria-describedby="channel-kind-hint"
          className={FIELD}
        >
          {Object.entries(LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </Field>
      <Field
        id="channel-url"
        label={kind === "email" ? "Address" : "Webhook URL"}
        hint={
          kind === "email"
            ? "Sent through the server's SMTP relay."
            : "Stored encrypted; shown afterwards as its host and last 4 characters."
        }
        error={e.url}
      >
        <input
          id="channel-url"
          name="url"
          type={kind === "email" ? "email" : "url"}
          autoComplete="off"
          spellCheck={false}
          aria-invalid={e.url ? true : undefined}
          aria-describedby="channel-url-hint"
          className={FIELD}
        />
      </Field>
      {kind === "webhook" ? (
        <Field id="channel-secret" label="Signing secret" hint="At least 16 characters: the key of X-Dozen-Signature-256." error={e.secret}>
          <input
            id="channel-secret"
            name="secret"
            type="password"
            autoComplete="new-password"
            aria-invalid={e.secret ? true : undefined}
            aria-describedby="channel-secret-hint"
            className={FIELD}
          />
        </Field>
      ) : null}
      <Field
        id="channel-drop"
        label="Score drop (points)"
        hint="A service losing at least this much is told; a worse grade always is."
        error={e.minScoreDrop}
      >
        <input
          id="channel-drop"
          name="minScoreDrop"
          type="number"
          min="0.1"
          max="100"
          step="0.1"
          defaultValue={state.values?.minScoreDrop || "5"}
          aria-invalid={e.minScoreDrop ? true : undefined}
          aria-describedby="channel-drop-hint"
          className={FIELD}
        />
      </Field>
      <div className="flex items-center gap-2 text-sm sm:col-span-2">
        <input id="channel-fleet" name="fleetDigest" type="checkbox" className="h-4 w-4" />
        <label htmlFor="channel-fleet">Also send the whole fleet&apos;s weekly digest here</label>
      </div>
      <div className="flex flex-wrap items-center gap-3 sm:col-span-2">
        <button
          type="submit"
          disabled={pending}
          className="rounded bg-sky-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-sky-800 disabled:opacity-60"
        >
          {pending ? "Adding…" : "Add channel"}
        </button>
        {state.refused ? (
          <p role="alert" className="text-sm text-red-800 dark:text-red-300">
            {state.refused}
          </p>
        ) : state.added ? (
          <p role="status" className="text-sm text-emerald-800 dark:text-emerald-300">
            Added a {LABELS[state.added] ?? state.added} channel.
          </p>
        ) : null}
      </div>
    </form>
  );
}
