"use client";

import { Fragment, useState, type ReactNode } from "react";
import type { FormField } from "@/lib/sources/kinds/types";
import { CheckboxField, RadioGroup, TextField } from "@/components/sources/form-fields";
import { NameField, ScheduleField, SourceFormShell, submittedChecked, useSourceForm } from "@/components/sources/source-form-shell";
import type { SourceFormState } from "@/lib/actions/submit-source";

/** Text with `code` in backticks, as a kind's hints and notes are written. */
function WithCode({ text }: { text: string }) {
  return <>{text.split("`").map((part, i) => (i % 2 === 1 ? <code key={i}>{part}</code> : <Fragment key={i}>{part}</Fragment>))}</>;
}

/**
 * The add-source form of any kind, drawn from the kind's field list (lib/sources/kinds/<kind>/index.ts), so a
 * new kind needs no component. Credentials are named, never entered: the env variables the workers read.
 * With `edit`, the same form edits a source: filled with its values, saved through the edit action.
 */
export function SourceForm(props: {
  kind: string;
  namePlaceholder: string;
  submitLabel: string;
  fields: FormField[];
  defaultSchedule: string;
  edit?: { sourceId: number; values: Record<string, string> };
}) {
  const { state, action, pending } = useSourceForm({ values: props.edit?.values });
  return (
    <SourceFormShell
      action={action}
      pending={pending}
      state={state}
      submitLabel={props.edit ? "Save changes" : props.submitLabel}
      editing={props.edit !== undefined}
    >
      <input type="hidden" name="kind" value={props.kind} />
      {props.edit ? <input type="hidden" name="sourceId" value={props.edit.sourceId} /> : null}
      <NameField state={state} placeholder={props.namePlaceholder} />
      <Fields fields={props.fields} state={state} />
      <ScheduleField state={state} defaultSchedule={props.defaultSchedule} />
    </SourceFormShell>
  );
}

function Fields({ fields, state }: { fields: readonly FormField[]; state: SourceFormState }) {
  return (
    <>
      {fields.map((field, i) => (
        <Field key={"name" in field ? field.name : `row-${i}`} field={field} state={state} />
      ))}
    </>
  );
}

function Field({ field, state }: { field: FormField; state: SourceFormState }): ReactNode {
  const e = state.errors;
  const v = (name: string, fallback = "") => state.values[name] ?? fallback;
  switch (field.type) {
    case "row": {
      const columns = field.fields.length >= 3 ? "sm:grid-cols-3" : "sm:grid-cols-2";
      const checkboxes = field.fields.every((f) => f.type === "checkbox");
      return (
        <div className={checkboxes ? "flex flex-wrap gap-6" : `grid gap-4 ${columns}`}>
          <Fields fields={field.fields} state={state} />
        </div>
      );
    }
    case "text":
      return (
        <TextField
          name={field.name}
          label={field.label}
          required={field.required}
          mono={field.mono}
          placeholder={field.placeholder}
          defaultValue={v(field.name, field.defaultValue)}
          error={e[field.name]}
          hint={field.hint ? <WithCode text={field.hint} /> : undefined}
        />
      );
    case "checkbox":
      return (
        <CheckboxField
          name={field.name}
          label={field.label}
          defaultChecked={submittedChecked(state, field.name, field.defaultChecked ?? false)}
        />
      );
    case "radio":
      return (
        <RadioGroup
          name={field.name}
          legend={field.legend}
          defaultValue={v(field.name, field.defaultValue)}
          error={e[field.name]}
          options={field.options}
        />
      );
    case "choice":
      return <Choice field={field} state={state} />;
  }
}

/** A choice between groups of fields: only the chosen group is shown (and read by the server). */
function Choice({ field, state }: { field: Extract<FormField, { type: "choice" }>; state: SourceFormState }) {
  const [chosen, setChosen] = useState(state.values[field.name] ?? field.defaultValue);
  const option = field.options.find((o) => o.value === chosen) ?? field.options[0];
  return (
    <>
      <RadioGroup
        name={field.name}
        legend={field.legend}
        defaultValue={chosen}
        onChange={setChosen}
        error={field.errorFor ? state.errors[field.errorFor] : undefined}
        options={field.options}
      />
      {option?.note ? (
        <p className="text-sm text-slate-600 dark:text-slate-300">
          <WithCode text={option.note} />
        </p>
      ) : null}
      {option ? <Fields fields={option.fields} state={state} /> : null}
    </>
  );
}
