import type { FormField } from "@/lib/sources/kinds/types";

// The inverse of readSourceForm: a kind's input → the values its form shows, keyed by field name, so an edit
// form opens filled with what the source has. Lists are joined with ", ", a checked checkbox is "on" (an
// unchecked one is absent), and a choice shows the option the input matches.

function at(input: Record<string, unknown>, path: string): unknown {
  return path
    .split(".")
    .reduce<unknown>(
      (node, key) => (typeof node === "object" && node !== null ? (node as Record<string, unknown>)[key] : undefined),
      input,
    );
}

function namesOf(fields: readonly FormField[]): string[] {
  return fields.flatMap((f) => (f.type === "row" ? namesOf(f.fields) : f.type === "choice" ? [] : [f.name]));
}

/** The option of a choice an input is in: the one whose `sets` it matches, else one whose fields it fills. */
function chosenOption(field: Extract<FormField, { type: "choice" }>, input: Record<string, unknown>) {
  const bySets = field.options.find((o) => o.sets && Object.entries(o.sets).every(([path, value]) => at(input, path) === value));
  if (bySets) return bySets;
  const filled = field.options.find((o) => namesOf(o.fields).some((name) => at(input, name) !== undefined && at(input, name) !== null));
  return filled ?? field.options.find((o) => o.value === field.defaultValue);
}

function fill(fields: readonly FormField[], input: Record<string, unknown>, into: Record<string, string>): void {
  for (const field of fields) {
    if (field.type === "row") fill(field.fields, input, into);
    else if (field.type === "choice") {
      const option = chosenOption(field, input);
      if (!option) continue;
      into[field.name] = option.value;
      // Only the chosen option's fields: the others keep their defaults, should the person switch to one.
      fill(option.fields, input, into);
    } else {
      const value = at(input, field.name);
      if (field.type === "checkbox") {
        if (value === true) into[field.name] = "on";
      } else if (Array.isArray(value)) into[field.name] = value.join(", ");
      else into[field.name] = value === undefined || value === null ? "" : String(value);
    }
  }
}

/** The values a kind's form shows for an input (name and schedule included): what an edit form opens with. */
export function fillSourceForm(opts: { fields: readonly FormField[]; input: Record<string, unknown> }): Record<string, string> {
  const values: Record<string, string> = {
    name: String(opts.input.name ?? ""),
    schedule: typeof opts.input.schedule === "string" ? opts.input.schedule : "",
  };
  fill(opts.fields, opts.input, values);
  return values;
}
