import { parseAllDocuments } from "yaml";
import { yamlErrorReason } from "@/lib/facts/yaml-error-reason";

/**
 * Reads a service descriptor: Backstage `catalog-info.yaml` (the first `kind: Component` document:
 * metadata.name, spec.owner) or Dozen's own `dozen.yaml` (`name`, `owner` or `owners`). `isService` is
 * false for a catalog file that describes no Component (a System or Location is not a service root).
 */
export function parseServiceDescriptor(opts: { kind: "catalog-info" | "dozen"; text: string }): {
  isService: boolean;
  name: string | null;
  owners: string[];
  problems: string[];
} {
  const none = { isService: false, name: null, owners: [] as string[] };
  let docs: unknown[];
  try {
    const parsed = parseAllDocuments(opts.text);
    const error = parsed.flatMap((d) => d.errors)[0];
    if (error) return { ...none, isService: opts.kind === "dozen", problems: [yamlErrorReason({ message: error.message })] };
    docs = parsed.map((d) => d.toJS({ maxAliasCount: 50 }) as unknown);
  } catch (error) {
    return { ...none, isService: opts.kind === "dozen", problems: [yamlErrorReason({ message: String(error) })] };
  }
  if (opts.kind === "dozen") {
    const doc = record(docs[0]);
    return { isService: true, name: text(doc?.name), owners: strings(doc?.owners ?? doc?.owner), problems: [] };
  }
  const component = docs.map(record).find((d) => d?.kind === "Component" && String(d.apiVersion ?? "").startsWith("backstage.io/"));
  if (!component) return { ...none, problems: [] };
  return { isService: true, name: text(record(component.metadata)?.name), owners: strings(record(component.spec)?.owner), problems: [] };
}

function record(value: unknown): Record<string, unknown> | null {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

function text(value: unknown): string | null {
  return typeof value === "string" && value.trim() !== "" ? value.trim() : null;
}

function strings(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  return list.map(text).filter((v): v is string => v !== null);
}
