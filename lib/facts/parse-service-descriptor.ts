import { parseAllDocuments } from "yaml";
import { yamlErrorReason } from "@/lib/facts/yaml-error-reason";
import { checkYamlDepth } from "@/lib/facts/check-yaml-depth";
import { readTier, TIER_ANNOTATION, type Tier } from "@/lib/tiers/read-tier";

/**
 * Reads a service descriptor: Backstage `catalog-info.yaml` (the first `kind: Component` document:
 * metadata.name, spec.owner, the `dozen.dev/tier` annotation) or Dozen's own `dozen.yaml` (`name`, `owner` or
 * `owners`, `tier`). A tier that is not 1–4 is `tierProblem`, never fatal. `isService` is
 * false for a catalog file that describes no Component (a System or Location is not a service root), for
 * a dozen.yaml with only scoring settings, and for a file that does not parse (reported in `problems`).
 */
export function parseServiceDescriptor(opts: { kind: "catalog-info" | "dozen"; text: string }): {
  isService: boolean;
  name: string | null;
  owners: string[];
  tier: Tier | null;
  tierProblem: string | null;
  problems: string[];
} {
  const none = { isService: false, name: null, owners: [] as string[], tier: null, tierProblem: null };
  let docs: unknown[];
  const tooDeep = checkYamlDepth({ text: opts.text });
  if (tooDeep) return { ...none, problems: [tooDeep] };
  try {
    const parsed = parseAllDocuments(opts.text);
    const error = parsed.flatMap((d) => d.errors)[0];
    if (error) return { ...none, problems: [yamlErrorReason({ message: error.message })] };
    docs = parsed.map((d) => d.toJS({ maxAliasCount: 50 }) as unknown);
  } catch (error) {
    return { ...none, problems: [yamlErrorReason({ message: String(error) })] };
  }
  if (opts.kind === "dozen") {
    const doc = record(docs[0]);
    const name = text(doc?.name);
    const owners = strings(doc?.owners ?? doc?.owner);
    // A dozen.yaml holding only scoring settings (`rules:`) configures a scan; it does not declare a service.
    return { isService: name !== null || owners.length > 0, name, owners, ...tierOf(doc?.tier), problems: [] };
  }
  const component = docs.map(record).find((d) => d?.kind === "Component" && String(d.apiVersion ?? "").startsWith("backstage.io/"));
  if (!component) return { ...none, problems: [] };
  const metadata = record(component.metadata);
  return {
    isService: true,
    name: text(metadata?.name),
    owners: strings(record(component.spec)?.owner),
    ...tierOf(record(metadata?.annotations)?.[TIER_ANNOTATION]),
    problems: [],
  };
}

function tierOf(value: unknown): { tier: Tier | null; tierProblem: string | null } {
  const read = readTier(value);
  return { tier: read && "tier" in read ? read.tier : null, tierProblem: read && "problem" in read ? read.problem : null };
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
