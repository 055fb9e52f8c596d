import { languageOfPath } from "@/lib/guides/code-languages";
import { codeBlock, escapeMarkdown, inlineCode, insideCodeBlock, insideCodeSpan } from "@/lib/guides/escape-markdown";
import { pickGuideLanguages } from "@/lib/guides/pick-guide-languages";
import { selectGuideSections } from "@/lib/guides/select-guide-sections";
import { getGuide } from "@/lib/rules/registry";
import type { Evidence } from "@/lib/rules/types";

// A guide's "Where" line and the snippet block under it: written for a file, replaced by what the evidence is.
const WHERE = /\*\*Where:\*\*[^\n]*\n+(```\n\{\{\s*snippet\s*\}\}\n```\n+)?/;
// A finding placeholder; `${{ github.sha }}` in a workflow example is content (and has dots besides).
const PLACEHOLDER = /(?<!\$)\{\{\s*(\w+)\s*\}\}/g;
// The template's fenced blocks and code spans, or a placeholder in its prose: a value is escaped for where it stands.
const CODE_OR_PLACEHOLDER = /(```[\s\S]*?```|`[^`\n]*`)|(?<!\$)\{\{\s*(\w+)\s*\}\}/g;
const WHERE_MARK = "\u0000where\u0000";

/**
 * A check's remediation guide for one finding, in the code's language. Its language sections are chosen from
 * the evidence files' languages, then the service's `languages` (lib/guides/pick-guide-languages.ts); with
 * neither known, every section is shown under its language's name. The "Where" is filled from the first
 * evidence, a file and line with its snippet or a cluster object and field (a workload check's finding may be
 * either), and so are the other {{placeholders}} ({{path}}, {{line}}, {{snippet}}, {{name}}, {{kind}},
 * {{namespace}}). Without evidence the "Where" is left out and a placeholder reads `<path>`: nothing prints
 * `{{...}}`. `markdown` stands in for the catalogue's guide (a custom check's); null for an unknown check.
 */
export function renderGuide(opts: {
  ruleId: string;
  evidence: readonly Evidence[];
  languages?: readonly string[];
  markdown?: string;
}): string | null {
  const guide = opts.markdown ?? getGuide(opts.ruleId);
  if (guide === undefined) return null;
  const first = opts.evidence[0];
  const values: Record<string, string | undefined> =
    first?.type === "repo"
      ? { path: first.path, line: String(first.lineStart), snippet: first.snippet }
      : first?.type === "cluster"
        ? { name: first.name, kind: first.kind, namespace: first.namespace ?? undefined, path: first.jsonPath }
        : {};
  const where = first ? `${whereOf(first)}\n\n` : "";
  const languages = pickGuideLanguages({ evidence: opts.evidence, languages: opts.languages });
  // The "Where" goes in last, so a snippet's own braces (a Mustache or Jinja template) are never filled.
  return selectGuideSections({ markdown: guide, languages, ruleId: opts.ruleId })
    .replace(WHERE, WHERE_MARK)
    .replace(CODE_OR_PLACEHOLDER, (_whole, code: string | undefined, key: string | undefined) => {
      const valueOf = (k: string) => values[k] ?? `<${k}>`;
      if (code === undefined) return escapeMarkdown(valueOf(key ?? ""));
      const inside = code.startsWith("```") ? insideCodeBlock : insideCodeSpan;
      return code.replace(PLACEHOLDER, (_w, k: string) => inside(valueOf(k)));
    })
    .replace(WHERE_MARK, () => where);
}

// Every value in its own code span or block, fenced longer than anything inside it: shown, never interpreted;
// the snippet highlighted in its file's language (the only evidence the service page shows with its code).
function whereOf(e: Evidence): string {
  if (e.type === "repo")
    return `**Where:** ${inlineCode(`${e.path}:${e.lineStart}`)}${e.snippet ? `\n\n${codeBlock(e.snippet, languageOfPath(e.path))}` : ""}`;
  const object = `${escapeMarkdown(e.kind)} ${inlineCode(`${e.namespace ? `${e.namespace}/` : ""}${e.name}`)}`;
  return `**Where:** ${object} in cluster ${inlineCode(e.cluster)}, field ${inlineCode(e.jsonPath)}${e.snippet ? ` (${escapeMarkdown(e.snippet)})` : ""}`;
}
