import { codeLines, sourceFiles } from "@/lib/rules/helpers/code-lines";
import type { RepoEvidence } from "@/lib/rules/types";
import type { Language, ServiceFacts, TextFile } from "@/lib/facts/types";

/** One pattern for all source files, or one per language ("default" for languages not listed). */
export type LanguagePatterns = RegExp | Partial<Record<Language | "default", RegExp>>;

export interface LineMatch {
  file: TextFile;
  /** 1-based. */
  line: number;
  /** The comment-free text the pattern matched. */
  code: string;
  match: RegExpExecArray;
}

/** The pattern that applies to a file's language, if any. */
export function patternFor(patterns: LanguagePatterns, language: Language | null): RegExp | undefined {
  if (patterns instanceof RegExp) return patterns;
  return (language && patterns[language]) || patterns.default;
}

/**
 * Lines of production files matching a pattern, comments ignored, in file then line order.
 * `files` defaults to production source files; pass config files explicitly when a rule wants them.
 */
export function findLineMatches(opts: {
  facts: ServiceFacts;
  patterns: LanguagePatterns;
  files?: TextFile[];
  limit?: number;
}): LineMatch[] {
  const found: LineMatch[] = [];
  const limit = opts.limit ?? Number.POSITIVE_INFINITY;
  for (const file of opts.files ?? sourceFiles(opts.facts)) {
    const pattern = patternFor(opts.patterns, file.language);
    if (!pattern) continue;
    const lines = codeLines(file);
    for (let i = 0; i < lines.length; i++) {
      const code = lines[i] ?? "";
      const match = pattern.exec(code);
      if (!match) continue;
      found.push({ file, line: i + 1, code, match });
      if (found.length >= limit) return found;
    }
  }
  return found;
}

/** Evidence pointing at a match: the original (already redacted) line as the snippet. */
export function matchEvidence(m: LineMatch, lineEnd = m.line): RepoEvidence {
  return lineEvidence({ file: m.file, lineStart: m.line, lineEnd });
}

/** Evidence for lines of a file; the snippet is at most 3 lines, each trimmed to 200 characters. */
export function lineEvidence(opts: { file: TextFile; lineStart: number; lineEnd?: number }): RepoEvidence {
  const lineEnd = Math.max(opts.lineStart, opts.lineEnd ?? opts.lineStart);
  const shown = opts.file.lines.slice(opts.lineStart - 1, Math.min(lineEnd, opts.lineStart + 2));
  return {
    type: "repo",
    path: opts.file.path,
    lineStart: opts.lineStart,
    lineEnd,
    snippet: shown.map((l) => (l.length > 200 ? `${l.slice(0, 197)}...` : l)).join("\n"),
  };
}

/**
 * Evidence at the first line of `path` within [from, to] (1-based) matching `pattern`: the `replicas:` line of
 * a manifest document, the `image:` line of a compose service. Falls back to `fallback` when none matches.
 */
export function searchEvidence(opts: {
  facts: ServiceFacts;
  path: string;
  pattern: RegExp;
  from: number;
  to: number;
  fallback: { line: number; snippet: string };
}): RepoEvidence {
  const file = textOf(opts.facts, opts.path);
  for (let line = Math.max(1, opts.from); file && line <= Math.min(opts.to, file.lines.length); line++) {
    if (opts.pattern.test(file.lines[line - 1] ?? "")) return lineEvidence({ file, lineStart: line });
  }
  return pathEvidence({ facts: opts.facts, path: opts.path, ...opts.fallback });
}

/** Evidence for a path and line when the file's text may not be in the facts (lockfiles, binaries). */
export function pathEvidence(opts: { facts: ServiceFacts; path: string; line?: number; snippet?: string }): RepoEvidence {
  const file = textOf(opts.facts, opts.path);
  const line = opts.line ?? 1;
  if (file && file.lines.length >= line) return lineEvidence({ file, lineStart: line });
  return { type: "repo", path: opts.path, lineStart: line, lineEnd: line, snippet: opts.snippet ?? "" };
}

const excerptFiles = new WeakMap<ServiceFacts, Map<string, TextFile>>();

/**
 * A file's lines for evidence: the service's own text file, or the lines of its declarations in a deploy file
 * outside its folder (facts.deployExcerpts; lines outside the excerpts are empty).
 */
function textOf(facts: ServiceFacts, path: string): TextFile | undefined {
  const own = facts.textFiles.find((f) => f.path === path);
  if (own || !facts.deployExcerpts?.length) return own;
  let files = excerptFiles.get(facts);
  if (!files) {
    files = new Map();
    for (const e of facts.deployExcerpts) {
      const file = files.get(e.path) ?? files.set(e.path, { path: e.path, language: null, lines: [] }).get(e.path)!;
      while (file.lines.length < e.lineStart - 1) file.lines.push("");
      file.lines.splice(e.lineStart - 1, e.lines.length, ...e.lines);
    }
    excerptFiles.set(facts, files);
  }
  return files.get(path);
}
