import { parse } from "yaml";
import { ownershipListSchema, OWNERSHIP_RULE_KINDS, type OwnerFacts } from "@/lib/ownership/types";

type FileRule = NonNullable<OwnerFacts["sourceRules"]>[number];

/**
 * The `ownership:` list of a dozen.yaml or of the instance file, as rules in file order. Throws an Error
 * naming `source` and each issue when the list is not valid (a rule that silently matched nothing would be
 * worse); a file without `ownership:` has no rules.
 */
export function parseOwnershipList(opts: { text: string; source: string }): FileRule[] {
  let raw: unknown;
  try {
    raw = parse(opts.text) ?? {};
  } catch {
    throw new Error(`${opts.source}: not valid YAML`);
  }
  const list = raw && typeof raw === "object" && !Array.isArray(raw) ? (raw as { ownership?: unknown }).ownership : undefined;
  if (list === undefined || list === null) return [];
  const parsed = ownershipListSchema.safeParse(list);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `ownership.${i.path.join(".")}: ${i.message}`);
    throw new Error(`${opts.source}: ${issues.join("; ")}`);
  }
  return parsed.data.map((entry) => {
    const kind = OWNERSHIP_RULE_KINDS.find((k) => entry[k] !== undefined) ?? "path";
    return { kind, pattern: entry[kind] ?? "", team: entry.team };
  });
}
