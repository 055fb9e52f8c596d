"use client";

import { useActionState, useState } from "react";
import { FIELD_CLASS as FIELD, FormField as Field } from "@/components/ui/form-field";
import { saveInitiative, type InitiativeFormState, type InitiativeFormValues } from "@/lib/actions/save-initiative";
import { TIERS } from "@/lib/tiers/read-tier";

/** What the form offers to choose from: the catalogue's checks, the factors, the kinds, the teams and sources. */
export interface InitiativeFormOptions {
  checks: { id: string; title: string }[];
  factors: { id: string; label: string }[];
  kinds: { id: string; label: string }[];
  teams: string[];
  sources: string[];
}

const GOALS = [
  ["check", "Every service passes a check"],
  ["factor", "A factor's score is at least…"],
  ["score", "The service's score is at least…"],
  ["grade", "No service below a grade"],
] as const;

/** Where each field's error comes from: the schema names goal and scope fields by their path. */
const ERROR_KEYS: Record<string, string[]> = {
  checkId: ["goal.checkId", "goal"],
  factor: ["goal.factor"],
  min: ["goal.min"],
  grade: ["goal.min"],
  teams: ["scope.teams"],
  kinds: ["scope.kinds"],
  sources: ["scope.sources"],
  tiers: ["scope.tiers"],
};

/**
 * The new / edit initiative form (admins; the server action checks again): a goal of one of four kinds, a
 * scope of teams, kinds, sources and tiers (empty: the whole fleet), an owner, a start and a deadline. `slug` set:
 * an edit of that initiative.
 */
export function InitiativeForm({
  options,
  initial,
  slug,
}: {
  options: InitiativeFormOptions;
  initial?: InitiativeFormValues;
  slug?: string;
}) {
  const [state, action, pending] = useActionState<InitiativeFormState, FormData>(saveInitiative, {});
  const v = state.values ?? initial;
  const [goalKind, setGoalKind] = useState(v?.goalKind || "check");
  // A list's problem may name one element ("scope.tiers.0"): shown at the list's field.
  const errorAt = (key: string) =>
    state.errors?.[key] ??
    Object.entries(state.errors ?? {}).find(([k]) => k.startsWith(`${key}.`) && /^\d+$/.test(k.slice(key.length + 1)))?.[1];
  const error = (field: string) => (ERROR_KEYS[field] ?? [field]).map(errorAt).find(Boolean);
  const kinds = new Set((v?.kinds ?? "").split(",").filter(Boolean));
  const tiers = new Set((v?.tiers ?? "").split(",").filter(Boolean));
  const text = (id: keyof InitiativeFormValues, label: string, hint: string, props: React.InputHTMLAttributes<HTMLInputElement> = {}) => (
    <Field id={`initiative-${id}`} label={label} hint={hint} error={error(id)}>
      <input
        id={`initiative-${id}`}
        name={id}
        defaultValue={v?.[id]}
        aria-invalid={error(id) ? true : undefined}
        aria-describedby={`initiative-${id}-hint`}
        className={FIELD}
        {...props}
      />
    </Field>
  );
  return (
    <form action={action} noValidate className="grid gap-4 sm:grid-cols-2">
      {slug ? <input type="hidden" name="slug" value={slug} /> : null}
      {state.refused ? (
        <p role="alert" className="text-sm text-red-800 sm:col-span-2 dark:text-red-300">
          {state.refused}
        </p>
      ) : null}
      {text("name", "Name", "What people will call it, e.g. “Graceful shutdown everywhere”.")}
      {text("owner", "Owner", "Who drives it: a person or a group.")}
      <div className="sm:col-span-2">
        <Field
          id="initiative-description"
          label="Description (optional)"
          hint="Why it matters and where to get help."
          error={error("description")}
        >
          <textarea
            id="initiative-description"
            name="description"
            rows={2}
            defaultValue={v?.description}
            aria-describedby="initiative-description-hint"
            className={FIELD}
          />
        </Field>
      </div>
      <Field id="initiative-goalKind" label="Goal" hint="What every service in scope must reach." error={error("goal")}>
        <select
          id="initiative-goalKind"
          name="goalKind"
          value={goalKind}
          onChange={(e) => setGoalKind(e.target.value)}
          aria-describedby="initiative-goalKind-hint"
          className={FIELD}
        >
          {GOALS.map(([kind, label]) => (
            <option key={kind} value={kind}>
              {label}
            </option>
          ))}
        </select>
      </Field>
      {goalKind === "check" ? (
        <>
          {text("checkId", "Check", "A check id from the catalogue, e.g. handlesSigterm.", {
            list: "initiative-checks",
            autoComplete: "off",
          })}
          <datalist id="initiative-checks">
            {options.checks.map((c) => (
              <option key={c.id} value={c.id}>
                {c.title}
              </option>
            ))}
          </datalist>
        </>
      ) : null}
      {goalKind === "factor" ? (
        <Field id="initiative-factor" label="Factor" hint="Its score is the mean of its checks." error={error("factor")}>
          <select id="initiative-factor" name="factor" defaultValue={v?.factor} aria-describedby="initiative-factor-hint" className={FIELD}>
            {options.factors.map((f) => (
              <option key={f.id} value={f.id}>
                {f.label}
              </option>
            ))}
          </select>
        </Field>
      ) : null}
      {goalKind === "factor" || goalKind === "score" ? text("min", "At least", "A score from 0 to 100.", { inputMode: "decimal" }) : null}
      {goalKind === "grade" ? (
        <Field id="initiative-grade" label="Lowest grade allowed" hint="“No service below C” is C." error={error("grade")}>
          <select
            id="initiative-grade"
            name="grade"
            defaultValue={v?.grade || "C"}
            aria-describedby="initiative-grade-hint"
            className={FIELD}
          >
            {["A", "B", "C", "D"].map((g) => (
              <option key={g}>{g}</option>
            ))}
          </select>
        </Field>
      ) : null}
      {text(
        "teams",
        "Teams (optional)",
        `Team slugs, comma-separated; empty: every team. ${options.teams.slice(0, 4).join(", ")}${options.teams.length > 4 ? ", …" : ""}`,
        { list: "initiative-team-list", autoComplete: "off" },
      )}
      <datalist id="initiative-team-list">
        {options.teams.map((t) => (
          <option key={t} value={t} />
        ))}
      </datalist>
      {text("sources", "Sources (optional)", "Source names, comma-separated; empty: every source.")}
      <fieldset className="space-y-1 sm:col-span-2" aria-describedby="initiative-kinds-hint">
        <legend className="text-sm font-medium">Kinds of service (optional)</legend>
        <div className="flex flex-wrap gap-x-4 gap-y-1">
          {options.kinds.map((k) => (
            <label key={k.id} className="flex items-center gap-1 text-sm">
              <input type="checkbox" name="kinds" value={k.id} defaultChecked={kinds.has(k.id)} />
              {k.label}
            </label>
          ))}
        </div>
        <p
          id="initiative-kinds-hint"
          className={`text-xs ${error("kinds") ? "text-red-800 dark:text-red-300" : "text-slate-600 dark:text-slate-300"}`}
        >
          {error("kinds") ?? "None ticked: every kind."}
        </p>
      </fieldset>
      <fieldset className="space-y-1 sm:col-span-2" aria-describedby="initiative-tiers-hint">
        <legend className="text-sm font-medium">Tiers (optional)</legend>
        <div className="flex flex-wrap gap-x-4 gap-y-1">
          {TIERS.map((t) => (
            <label key={t} className="flex items-center gap-1 text-sm">
              <input type="checkbox" name="tiers" value={t} defaultChecked={tiers.has(String(t))} />
              Tier {t}
            </label>
          ))}
        </div>
        <p
          id="initiative-tiers-hint"
          className={`text-xs ${error("tiers") ? "text-red-800 dark:text-red-300" : "text-slate-600 dark:text-slate-300"}`}
        >
          {error("tiers") ?? "None ticked: every service, with a tier or not. Tier 1 is the most critical (a service's dozen.yaml tier:)."}
        </p>
      </fieldset>
      {text("startsOn", "Starts on (optional)", "YYYY-MM-DD; default today.", { type: "date" })}
      {text("deadline", "Deadline", "YYYY-MM-DD: the last day to meet the goal.", { type: "date" })}
      <div className="sm:col-span-2">
        <button
          type="submit"
          disabled={pending}
          className="rounded bg-sky-800 px-3 py-1.5 text-sm text-white hover:bg-sky-900 disabled:opacity-60"
        >
          {pending ? "Saving…" : slug ? "Save changes" : "Start initiative"}
        </button>
      </div>
    </form>
  );
}
