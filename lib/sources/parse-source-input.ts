import { ValidationError } from "@/lib/errors";
import { fieldErrorsOf } from "@/lib/sources/field-errors-of";
import type { SourceKindModule } from "@/lib/sources/kinds/types";

/**
 * A kind's input parsed by its schema (a schedule pg-boss can evaluate included), or a ValidationError with
 * every problem by field ("config.tokenEnv") and as "path: message" lines, as forms and the API answer them.
 */
export function parseSourceInput(opts: { kind: SourceKindModule; input: unknown }): unknown {
  const parsed = opts.kind.input.safeParse(opts.input);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
  throw new ValidationError(`invalid ${opts.kind.kind} source: ${issues.join("; ")}`, { fields: fieldErrorsOf(parsed.error), issues });
}
