import { getGuide } from "@/lib/rules/registry";
import type { Evidence } from "@/lib/rules/types";

/**
 * A rule's remediation guide with its {{placeholders}} filled from the finding's first evidence
 * ({{path}}, {{line}}, {{snippet}}, {{name}}, {{kind}}); unknown placeholders are left visible.
 */
export function renderGuide(opts: { ruleId: string; evidence: Evidence[] }): string | null {
  const guide = getGuide(opts.ruleId);
  if (!guide) return null;
  const first = opts.evidence[0];
  const values: Record<string, string | undefined> =
    first?.type === "repo"
      ? { path: first.path, line: String(first.lineStart), snippet: first.snippet }
      : first?.type === "cluster"
        ? { name: first.name, kind: first.kind, namespace: first.namespace ?? undefined, path: first.jsonPath }
        : {};
  return guide.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, key: string) => values[key] ?? whole);
}
