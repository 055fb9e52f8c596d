import type { z } from "zod";
import { ValidationError } from "@/lib/errors";

/** A zod refusal as the API's ValidationError: each problem by its full path ("config.namespaces.0"), `where` for the root. */
export function invalidRequest(error: z.ZodError, where: string): ValidationError {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    // An unknown key (a kind in an edit) is named itself, not the object that holds it.
    const paths = issue.code === "unrecognized_keys" ? issue.keys.map((key) => [...issue.path, key]) : [issue.path];
    const message = issue.code === "unrecognized_keys" ? "not a field of this request" : issue.message;
    for (const path of paths) fields[path.map(String).join(".") || where] ??= message;
  }
  const issues = Object.entries(fields).map(([field, message]) => `${field}: ${message}`);
  return new ValidationError(`invalid ${where}: ${issues.join("; ")}`, { fields, issues });
}

/** The query string read by a schema (the first value of each key; empty values count as unset). */
export function readQuery<S extends z.ZodType>(request: Request, schema: S): z.output<S> {
  const entries: Record<string, string> = {};
  for (const [key, value] of new URL(request.url).searchParams) if (value && !(key in entries)) entries[key] = value;
  const parsed = schema.safeParse(entries);
  if (!parsed.success) throw invalidRequest(parsed.error, "query");
  return parsed.data;
}

/** The JSON body read by a schema; a body that is not JSON is refused like any other bad input. */
export async function readBody<S extends z.ZodType>(request: Request, schema: S): Promise<z.output<S>> {
  const text = await request.text();
  let json: unknown;
  try {
    json = text === "" ? undefined : JSON.parse(text);
  } catch {
    throw new ValidationError("invalid body: not JSON", { fields: { body: "a JSON object" }, issues: ["body: a JSON object"] });
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw invalidRequest(parsed.error, "body");
  return parsed.data;
}

/** A route's path parameters read by a schema ("id" must be a positive integer). */
export async function readParams<S extends z.ZodType>(params: Promise<unknown>, schema: S): Promise<z.output<S>> {
  const parsed = schema.safeParse(await params);
  if (!parsed.success) throw invalidRequest(parsed.error, "path");
  return parsed.data;
}
