import { commentStyleFor, stripComments } from "@/lib/rules/helpers/strip-comments";
import { isIgnoredPath, pathInService } from "@/lib/rules/helpers/is-ignored-path";
import { perFacts } from "@/lib/rules/helpers/per-facts";
import type { TextFile } from "@/lib/facts/types";

// Every rule reads the same files: strip each file's comments once per facts object, not once per rule.
// Keyed weakly by the TextFile, so it is a pure memo that dies with the snapshot.
const stripped = new WeakMap<TextFile, string[]>();

/** The file's lines with comments blanked (same count and columns as `file.lines`). */
export function codeLines(file: TextFile): string[] {
  let lines = stripped.get(file);
  if (!lines) {
    lines = stripComments(file.lines, commentStyleFor(file));
    stripped.set(file, lines);
  }
  return lines;
}

/** Text files that ship with the service: tests, docs, examples and vendored code left out. */
export const productionFiles = perFacts((facts): TextFile[] =>
  facts.textFiles.filter((f) => !isIgnoredPath(pathInService(facts.service.path, f.path))),
);

/** Production source files (a language was detected). */
export const sourceFiles = perFacts((facts): TextFile[] => productionFiles(facts).filter((f) => f.language !== null));

/** The file's name without its directories, lower-cased. */
export function baseName(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1).toLowerCase();
}
