import type { z } from "zod";

/**
 * One message per form field, keyed by the issue's path ("config.tokenEnv"); the first issue wins. A list
 * item's index is dropped ("config.namespaces.1" → "config.namespaces"): the form has one field per list.
 */
export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.filter((p) => typeof p !== "number").join(".") || "form";
    errors[key] ??= issue.message;
  }
  return errors;
}
