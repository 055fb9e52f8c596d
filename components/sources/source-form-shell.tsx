"use client";

import { useActionState, useEffect, useRef, type ReactNode } from "react";
import { editSource } from "@/lib/actions/edit-source";
import { submitSource, type SourceFormState } from "@/lib/actions/submit-source";
import { TextField } from "@/components/sources/form-fields";

/**
 * A source form's action state: its errors, and its fields' values after a refused submit. An edit form
 * opens with the source's values (as if submitted) and saves through the edit action.
 */
export function useSourceForm(opts: { values?: Record<string, string> } = {}) {
  const [state, action, pending] = useActionState<SourceFormState, FormData>(opts.values ? editSource : submitSource, {
    errors: {},
    values: opts.values ?? {},
  });
  return { state, action, pending };
}

/** What a refused form showed in a field: the submitted value, else the field's default. */
export function submittedValue(state: SourceFormState, name: string, fallback = ""): string {
  return state.values[name] ?? fallback;
}

/** A checkbox after a refused submit is what was sent (absent = unchecked), before any submit its default. */
export function submittedChecked(state: SourceFormState, name: string, fallback: boolean): boolean {
  return Object.keys(state.values).length > 0 ? name in state.values : fallback;
}

/**
 * The frame of every add-source form: a message for errors that belong to no field, the fields, and the
 * submit button. After a refused submit focus moves to the first invalid field, so keyboard and screen
 * reader users land on what to fix. The browser's own validation is off so every error reads the same.
 */
export function SourceFormShell(props: {
  action: (form: FormData) => void;
  pending: boolean;
  state: SourceFormState;
  submitLabel: string;
  /** Editing an existing source: other words on the button and below it. */
  editing?: boolean;
  children: ReactNode;
}) {
  const ref = useRef<HTMLFormElement>(null);
  const { errors } = props.state;
  useEffect(() => {
    if (Object.keys(errors).length === 0) return;
    const target =
      ref.current?.querySelector<HTMLElement>('[aria-invalid="true"]') ?? ref.current?.querySelector<HTMLElement>("#form-error");
    target?.focus();
  }, [errors]);
  return (
    <form
      ref={ref}
      action={props.action}
      noValidate
      className="max-w-2xl space-y-4 rounded border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
    >
      {errors.form ? (
        <p
          id="form-error"
          role="alert"
          tabIndex={-1}
          className="rounded border border-red-300 bg-red-50 p-2 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-200"
        >
          {errors.form}
        </p>
      ) : null}
      {props.children}
      <div className="flex items-center gap-3">
        <button
          type="submit"
          disabled={props.pending}
          className="rounded bg-sky-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-sky-800 disabled:opacity-60"
        >
          {props.pending ? (props.editing ? "Saving…" : "Adding…") : props.submitLabel}
        </button>
        <span className="text-xs text-slate-600 dark:text-slate-300">
          {props.editing
            ? "Its scans and findings are kept; the next scan uses the new settings."
            : "Its first scan is queued as soon as it is added."}
        </span>
      </div>
    </form>
  );
}

/** The source's name, unique across sources. */
export function NameField({ state, placeholder }: { state: SourceFormState; placeholder: string }) {
  return (
    <TextField
      name="name"
      label="Name"
      required
      placeholder={placeholder}
      defaultValue={submittedValue(state, "name")}
      error={state.errors.name}
      hint="Unique; shown on every page that names the source."
    />
  );
}

/** The cron schedule (UTC), prefilled with DOZEN_DEFAULT_SCHEDULE; empty means on demand only. */
export function ScheduleField({ state, defaultSchedule }: { state: SourceFormState; defaultSchedule: string }) {
  return (
    <TextField
      name="schedule"
      label="Schedule (cron, UTC)"
      mono
      defaultValue={submittedValue(state, "schedule", defaultSchedule)}
      error={state.errors.schedule}
      hint={
        <>
          minute hour day month weekday, e.g. <code>0 3 * * *</code> for 03:00 UTC daily. Leave empty to scan on demand only.
        </>
      }
    />
  );
}
