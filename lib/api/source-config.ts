import { z } from "zod";
import { ValidationError } from "@/lib/errors";
import type { SourceKindModule } from "@/lib/sources/kinds/types";

/** Input keys every kind shares; whatever else a kind's input holds is its config in the API. */
const COMMON = new Set(["name", "schedule", "config"]);

/** The object inside defaults, prefaults and optionals (a kind's `config: schema.prefault({})`). */
function objectIn(schema: unknown): z.ZodObject | null {
  let current = schema as z.ZodType | undefined;
  while (current && !(current instanceof z.ZodObject)) current = (current._zod.def as { innerType?: z.ZodType }).innerType;
  return current ?? null;
}

/** The kind's own top-level input fields (a GitHub owner, a local directory): in the API they live in `config`. */
function ownFields(kind: SourceKindModule): string[] {
  return Object.keys(objectIn(kind.input)?.shape ?? {}).filter((key) => !COMMON.has(key));
}

/**
 * A kind's `config` as the v1 API takes it: its input's own fields (owner, directory) and its stored config's
 * fields in one object, so every kind is `{ kind, name, schedule, config }`. Derived from the kind's input
 * schema: a kind's module stays the one description. Cross-field rules (a cluster's inCluster with a context)
 * are the kind's, judged when the input is parsed.
 */
export function apiConfigOf(kind: SourceKindModule): z.ZodObject {
  const input = objectIn(kind.input);
  const own = Object.fromEntries(ownFields(kind).map((key) => [key, input?.shape[key] as z.ZodType]));
  return z.object({ ...own, ...(objectIn(input?.shape.config)?.shape ?? {}) });
}

/** The kind's input for an API body (or an edit's changes): its own fields out of `config`, the rest left in it. */
export function toKindInput(kind: SourceKindModule, body: Record<string, unknown>): Record<string, unknown> {
  const { config, ...rest } = body;
  if (config === undefined || config === null || typeof config !== "object") return body;
  const own = new Set(ownFields(kind));
  const entries = Object.entries(config as Record<string, unknown>);
  const inner = entries.filter(([key]) => !own.has(key));
  const hasConfig = Boolean(objectIn(kind.input)?.shape.config);
  return {
    ...rest,
    ...Object.fromEntries(entries.filter(([key]) => own.has(key))),
    ...(hasConfig && inner.length > 0 ? { config: Object.fromEntries(inner) } : {}),
    // A key the kind does not know stays where the kind's schema will see (and refuse or drop) it.
    ...(!hasConfig && inner.length > 0 ? Object.fromEntries(inner) : {}),
  };
}

/** A kind's input (what fromSource rebuilds) as the API's config: its own fields and its config in one object. */
export function toApiConfig(kind: SourceKindModule, input: Record<string, unknown>): Record<string, unknown> {
  const own = Object.fromEntries(ownFields(kind).flatMap((key) => (input[key] === undefined ? [] : [[key, input[key]]])));
  const config = input.config && typeof input.config === "object" ? (input.config as Record<string, unknown>) : {};
  return { ...own, ...config };
}

/** A field path of the kind's input as the API names it: its own fields are under `config`. */
export function toApiField(kind: SourceKindModule, field: string): string {
  const head = field.split(".")[0] ?? field;
  return ownFields(kind).includes(head) ? `config.${field}` : field;
}

/** A kind's refusal (registerSource, updateSource) with its fields named as the API body has them. */
export function toApiValidationError(kind: SourceKindModule, error: ValidationError): ValidationError {
  const fields = Object.fromEntries(Object.entries(error.fields).map(([field, message]) => [toApiField(kind, field), message]));
  const issues = error.issues.map((issue) => toApiField(kind, issue));
  const message = issues.length > 0 ? `invalid ${kind.kind} source: ${issues.join("; ")}` : error.message;
  // A refusal only the server can judge (a directory it cannot see) still says where: the config.
  return new ValidationError(message, { fields: Object.keys(fields).length > 0 ? fields : { config: error.message }, issues });
}
