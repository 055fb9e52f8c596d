import type { Language } from "@/lib/facts/types";
import { GUIDE_LANGUAGE_FALLBACK, GUIDE_LANGUAGE_LABEL, toGuideLanguage } from "@/lib/guides/guide-languages";

// `<!-- lang: java kotlin -->` opens a section for those languages; it runs until the next marker, a
// `<!-- /lang -->`, or a `#`/`##` heading. Everything outside a section is generic advice, shown to everyone.
const OPEN = /^<!--\s*lang:\s*([^>]*?)\s*-->\s*$/;
const CLOSE = /^<!--\s*\/lang\s*-->\s*$/;
const HEADING = /^#{1,2}\s/;
const FENCE = /^\s*(```|~~~)/;

/** A guide cut into generic text and language sections, in order. */
export type GuidePart = { languages: null; lines: string[] } | { languages: string[]; lines: string[] };

/** Splits a guide at its language markers (markers inside fenced code are code, not markers). */
export function parseGuideParts(markdown: string): GuidePart[] {
  const parts: GuidePart[] = [];
  let current: GuidePart = { languages: null, lines: [] };
  let fenced = false;
  const start = (languages: string[] | null) => {
    if (current.lines.length > 0 || current.languages) parts.push(current);
    current = languages ? { languages, lines: [] } : { languages: null, lines: [] };
  };
  for (const line of markdown.split("\n")) {
    if (!fenced) {
      const open = OPEN.exec(line);
      if (open) {
        start((open[1] ?? "").split(/[\s,]+/).filter(Boolean));
        continue;
      }
      if (CLOSE.test(line)) {
        start(null);
        continue;
      }
      if (current.languages && HEADING.test(line)) start(null);
    }
    if (FENCE.test(line)) fenced = !fenced;
    current.lines.push(line);
  }
  start(null);
  return parts;
}

/**
 * A guide with the language sections that fit the code: the sections of the first of `languages` (or of its
 * fallback, TypeScript → JavaScript) that the guide has, and the generic advice around them. When none of
 * `languages` has a section, the generic advice stays with a pointer to the examples `dozen explain` shows.
 * With no language known (an empty list), every section stays, each under its language's name. Markers never
 * reach the output.
 */
export function selectGuideSections(opts: { markdown: string; languages: readonly Language[]; ruleId?: string }): string {
  const parts = parseGuideParts(opts.markdown);
  const sections = parts.filter((p): p is GuidePart & { languages: string[] } => p.languages !== null);
  if (sections.length === 0) return opts.markdown;
  const candidates = opts.languages.flatMap((l) => [l, ...(GUIDE_LANGUAGE_FALLBACK[l] ?? [])]);
  const chosen = candidates.find((l) => sections.some((s) => s.languages.includes(l)));
  const out: string[] = [];
  let pointed = false;
  for (const part of parts) {
    if (part.languages === null) out.push(...part.lines);
    else if (candidates.length === 0) out.push(`### ${labelOf(part.languages)}`, "", ...trimBlank(part.lines), "");
    else if (chosen && part.languages.includes(chosen)) out.push(...part.lines);
    else if (!chosen && !pointed) {
      pointed = true;
      out.push(pointer(opts.languages[0], sections, opts.ruleId), "");
    }
  }
  return out.join("\n").replace(/\n{3,}/g, "\n\n");
}

function pointer(language: Language | undefined, sections: { languages: string[] }[], ruleId: string | undefined): string {
  const named = [...new Set(sections.map((s) => labelOf(s.languages)))];
  const list = named.length > 1 ? `${named.slice(0, -1).join(", ")} and ${named.at(-1)}` : (named[0] ?? "");
  const explain = ruleId ? `\`dozen explain ${ruleId}\`` : "`dozen explain`";
  return `_No example in ${language ? GUIDE_LANGUAGE_LABEL[language] : "this language"} yet; ${explain} shows those for ${list}._`;
}

function labelOf(languages: string[]): string {
  return languages
    .map((l) => {
      const known = toGuideLanguage(l);
      return known ? GUIDE_LANGUAGE_LABEL[known] : l;
    })
    .join(" / ");
}

function trimBlank(lines: string[]): string[] {
  let [from, to] = [0, lines.length];
  while (from < to && lines[from]?.trim() === "") from++;
  while (to > from && lines[to - 1]?.trim() === "") to--;
  return lines.slice(from, to);
}
