import type { FormField } from "@/lib/sources/kinds/types";

// An add-source form posts flat fields named by their path in the kind's input ("config.tokenEnv"), so zod's
// issue paths name the very field to mark. This turns a form into that input by walking the kind's own field
// list: empty text means "use the default" (absent), lists are comma or whitespace separated, checkboxes are
// present or not, and only the chosen option of a choice is read (its `sets` applied).

function text(form: FormData, name: string): string | undefined {
  const value = form.get(name);
  return typeof value === "string" && value.trim() !== "" ? value : undefined;
}

function list(form: FormData, name: string): string[] {
  return (text(form, name) ?? "").split(/[\s,]+/).filter(Boolean);
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  if (value === undefined) return;
  const keys = path.split(".");
  let node = target;
  for (const key of keys.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
  node[keys.at(-1)!] = value;
}

function readFields(fields: readonly FormField[], form: FormData, into: Record<string, unknown>): void {
  for (const field of fields) {
    if (field.type === "row") readFields(field.fields, form, into);
    else if (field.type === "text") setPath(into, field.name, field.list ? list(form, field.name) : text(form, field.name));
    else if (field.type === "checkbox") setPath(into, field.name, form.has(field.name));
    else if (field.type === "radio") setPath(into, field.name, text(form, field.name));
    else {
      const chosen =
        field.options.find((o) => o.value === text(form, field.name)) ?? field.options.find((o) => o.value === field.defaultValue);
      if (!chosen) continue;
      for (const [path, value] of Object.entries(chosen.sets ?? {})) setPath(into, path, value);
      readFields(chosen.fields, form, into);
    }
  }
}

/** A submitted add-source form → the kind's input: its name, schedule and its own fields. */
export function readSourceForm(opts: { fields: readonly FormField[]; form: FormData }): Record<string, unknown> {
  const input: Record<string, unknown> = { name: text(opts.form, "name") ?? "", schedule: String(opts.form.get("schedule") ?? "") };
  readFields(opts.fields, opts.form, input);
  return input;
}
