import type { FormField } from "@/lib/sources/kinds/types";
import { readSourceForm } from "@/lib/sources/read-source-form";

/** Every input path a form can send: its fields' names, those of every option of a choice, and what options set. */
function pathsOf(fields: readonly FormField[], into = new Set<string>()): Set<string> {
  for (const field of fields) {
    if (field.type === "row") pathsOf(field.fields, into);
    else if (field.type !== "choice") into.add(field.name);
    else
      for (const option of field.options) {
        for (const path of Object.keys(option.sets ?? {})) into.add(path);
        pathsOf(option.fields, into);
      }
  }
  return into;
}

/**
 * A submitted edit form → the changes updateSource merges into the stored source. The form shows every field
 * it owns, so what it leaves out was emptied or belongs to an option not chosen: such a config key becomes
 * null (back to its default; a token source drops its `app`), and an emptied top-level field is sent empty
 * so the kind's schema says it is required. Config keys the form has no field for (set through the API) stay.
 */
export function readSourceChanges(opts: { fields: readonly FormField[]; form: FormData }): Record<string, unknown> {
  const input = readSourceForm(opts);
  const config = (input.config ?? {}) as Record<string, unknown>;
  for (const path of pathsOf(opts.fields)) {
    const [head, key] = path.split(".");
    if (head === "config" && key !== undefined) config[key] ??= null;
    else if (head !== undefined && key === undefined) input[head] ??= "";
  }
  return Object.keys(config).length > 0 ? { ...input, config } : input;
}
