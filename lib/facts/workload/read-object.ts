/**
 * Reading a Kubernetes object without trusting its shape: a manifest may hold anything (a template value left
 * as a string, a list where a map belongs) where the API server would hold validated objects.
 */
export type Obj = Record<string, unknown>;

/** The value as an object, else an empty one. */
export function obj(value: unknown): Obj {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Obj) : {};
}

/** The value as a list, else an empty one. */
export function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** The objects of a list, anything else dropped. */
export function objs(value: unknown): Obj[] {
  return list(value).filter((v): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v));
}

/** A string map (labels, annotations, a selector), other values dropped. */
export function strings(value: unknown): Record<string, string> {
  return Object.fromEntries(Object.entries(obj(value)).filter((e): e is [string, string] => typeof e[1] === "string"));
}

/** A nested value, undefined where the path leaves objects. */
export function dig(value: unknown, ...keys: string[]): unknown {
  let current = value;
  for (const key of keys) {
    if (typeof current !== "object" || current === null || Array.isArray(current)) return undefined;
    current = (current as Obj)[key];
  }
  return current;
}
