import { getGuide } from "@/lib/rules/registry";
import type { Evidence } from "@/lib/rules/types";

// A guide's "Where" line and the snippet block under it: written for a file, replaced by what the evidence is.
const WHERE = /\*\*Where:\*\*[^\n]*\n+(```\n\{\{\s*snippet\s*\}\}\n```\n+)?/;

/**
 * A rule's remediation guide with its "Where" filled from the finding's first evidence, a file and line with
 * its snippet or a cluster object and field (a workload check's finding may be either), and its other
 * {{placeholders}} ({{path}}, {{line}}, {{snippet}}, {{name}}, {{kind}}, {{namespace}}) filled from it too.
 * Without evidence the "Where" is left out; unknown placeholders are left visible.
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
  const where = first ? `${whereOf(first)}\n\n` : "";
  return guide.replace(WHERE, () => where).replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, key: string) => values[key] ?? whole);
}

function whereOf(e: Evidence): string {
  if (e.type === "repo") return `**Where:** \`${e.path}:${e.lineStart}\`${e.snippet ? `\n\n\`\`\`\n${e.snippet}\n\`\`\`` : ""}`;
  const object = `${e.kind} \`${e.namespace ? `${e.namespace}/` : ""}${e.name}\``;
  return `**Where:** ${object} in cluster \`${e.cluster}\`, field \`${e.jsonPath}\`${e.snippet ? ` (${e.snippet})` : ""}`;
}
