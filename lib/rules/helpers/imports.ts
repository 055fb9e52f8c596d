import { lineEvidence } from "@/lib/rules/helpers/find-line-matches";
import { codeLines } from "@/lib/rules/helpers/code-lines";
import type { RepoEvidence } from "@/lib/rules/types";
import type { Language, TextFile } from "@/lib/facts/types";

/** One module a source file imports, where. */
export interface ImportFact {
  file: TextFile;
  line: number;
  /** As written: `express`, `@acme/db`, `google.golang.org/grpc`, `os.path`, `org.springframework.boot.SpringApplication`. */
  module: string;
}

// For files the parser did not read: the import forms of each language, the module in group 1 or 2.
const IMPORT_LINE: Partial<Record<Language, RegExp>> = {
  javascript: /(?:\bfrom\s+|\brequire\(\s*|\bimport\(\s*|^\s*import\s+)["']([^"']+)["']/,
  typescript: /(?:\bfrom\s+|\brequire\(\s*|\bimport\(\s*|^\s*import\s+)["']([^"']+)["']/,
  python: /^\s*(?:from\s+([\w.]+)\s+import\b|import\s+([\w.]+))/,
  go: /^\s*(?:import\s+)?(?:[\w.]+\s+)?"([^"]+)"\s*\)?\s*$/,
};

/**
 * The imports of source files: from their syntax tree where the parser read them (import statements,
 * `require`/`import()` calls), else from lines in the language's import forms (comments blanked). Pure.
 */
export function findImports(files: readonly TextFile[]): ImportFact[] {
  const out: ImportFact[] = [];
  for (const file of files) {
    if (file.syntax) {
      for (const i of file.syntax.imports) out.push({ file, line: i.line, module: i.module });
      continue;
    }
    const pattern = file.language ? IMPORT_LINE[file.language] : undefined;
    if (!pattern) continue;
    codeLines(file).forEach((code, index) => {
      const m = pattern.exec(code);
      const spec = m?.[1] ?? m?.[2];
      if (spec) out.push({ file, line: index + 1, module: spec });
    });
  }
  return out;
}

/** Evidence at an import. */
export function importEvidence(i: ImportFact): RepoEvidence {
  return lineEvidence({ file: i.file, lineStart: i.line });
}
