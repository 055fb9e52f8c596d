import type { ReactNode } from "react";

// Plain building blocks for the add-source forms (no hooks, so server or client): every control has a
// visible label, its hint and error are tied to it with aria-describedby, and an error sets aria-invalid.

const INPUT =
  "w-full rounded border border-slate-300 bg-white px-2 py-1 text-sm aria-invalid:border-red-700 dark:border-slate-700 dark:bg-slate-900 dark:aria-invalid:border-red-400";

export function fieldId(name: string): string {
  return `field-${name.replace(/[^A-Za-z0-9]+/g, "-")}`;
}

function describedBy(id: string, hint?: ReactNode, error?: string): string | undefined {
  return [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
}

function HintAndError({ id, hint, error }: { id: string; hint?: ReactNode; error?: string }) {
  return (
    <>
      {hint ? (
        <p id={`${id}-hint`} className="mt-0.5 text-xs text-slate-600 dark:text-slate-300">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="mt-0.5 text-xs font-medium text-red-800 dark:text-red-300">
          {error}
        </p>
      ) : null}
    </>
  );
}

export function TextField(props: {
  name: string;
  label: string;
  hint?: ReactNode;
  error?: string;
  defaultValue?: string;
  required?: boolean;
  placeholder?: string;
  mono?: boolean;
}) {
  const id = fieldId(props.name);
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        {props.label}
        {props.required ? <span aria-hidden="true"> *</span> : null}
      </label>
      <input
        id={id}
        name={props.name}
        type="text"
        defaultValue={props.defaultValue}
        required={props.required}
        placeholder={props.placeholder}
        spellCheck={false}
        autoComplete="off"
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy(id, props.hint, props.error)}
        className={`${INPUT} mt-1 ${props.mono ? "font-mono" : ""}`}
      />
      <HintAndError id={id} hint={props.hint} error={props.error} />
    </div>
  );
}

export function CheckboxField(props: { name: string; label: string; hint?: ReactNode; defaultChecked?: boolean }) {
  const id = fieldId(props.name);
  return (
    <div className="flex items-start gap-2">
      <input
        id={id}
        name={props.name}
        type="checkbox"
        defaultChecked={props.defaultChecked}
        aria-describedby={describedBy(id, props.hint)}
        className="mt-1 size-4"
      />
      <div>
        <label htmlFor={id} className="text-sm font-medium">
          {props.label}
        </label>
        <HintAndError id={id} hint={props.hint} />
      </div>
    </div>
  );
}

/** A radio group as a fieldset with a legend; onChange lets a client form show the fields of the choice. */
export function RadioGroup(props: {
  name: string;
  legend: string;
  options: { value: string; label: string }[];
  defaultValue: string;
  error?: string;
  onChange?: (value: string) => void;
}) {
  const id = fieldId(props.name);
  return (
    <fieldset aria-describedby={props.error ? `${id}-error` : undefined}>
      <legend className="text-sm font-medium">{props.legend}</legend>
      <div className="mt-1 flex flex-wrap gap-4">
        {props.options.map((o) => (
          <label key={o.value} className="flex items-center gap-1.5 text-sm">
            <input
              type="radio"
              name={props.name}
              value={o.value}
              defaultChecked={o.value === props.defaultValue}
              onChange={() => props.onChange?.(o.value)}
              className="size-4"
            />
            {o.label}
          </label>
        ))}
      </div>
      <HintAndError id={id} error={props.error} />
    </fieldset>
  );
}
