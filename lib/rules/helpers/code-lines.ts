import { commentStyleFor, stripComments } from "@/lib/rules/helpers/strip-comments";
import { isIgnoredPath, pathInService } from "@/lib/rules/helpers/is-ignored-path";
import { perFacts } from "@/lib/rules/helpers/per-facts";
import type { TextFile } from "@/lib/facts/types";

// Every rule reads the same files: strip each file's comments once per facts object, not once per rule.
// Keyed weakly by the TextFile, so it is a pure memo that dies with the snapshot.
const stripped = new WeakMap<TextFile, string[]>();

/**
 * The file's lines with comments blanked (same count and columns as `file.lines`): where the parser read the
 * file, exactly its comment nodes (and Python docstrings); otherwise by the language's comment syntax.
 */
export function codeLines(file: TextFile): string[] {
  let lines = stripped.get(file);
  if (!lines) {
    lines = file.syntax ? blankRanges(file.lines, file.syntax.comments) : stripComments(file.lines, commentStyleFor(file));
    stripped.set(file, lines);
  }
  return lines;
}

/** The lines with each [line, column, endLine, endColumn] range (the parser's comments) replaced by spaces. */
function blankRanges(lines: readonly string[], ranges: readonly (readonly [number, number, number, number])[]): string[] {
  const out = [...lines];
  for (const [line, column, endLine, endColumn] of ranges) {
    for (let l = line; l <= endLine && l <= out.length; l++) {
      const text = out[l - 1] ?? "";
      const from = l === line ? column : 0;
      const to = l === endLine ? Math.min(endColumn, text.length) : text.length;
      if (to > from) out[l - 1] = text.slice(0, from) + " ".repeat(to - from) + text.slice(to);
    }
  }
  return out;
}

/** Text files that ship with the service: tests, docs, examples, vendored and generated code left out. */
export const productionFiles = perFacts((facts): TextFile[] =>
  facts.textFiles.filter((f) => !f.generated && !isIgnoredPath(pathInService(facts.service.path, f.path))),
);

/** Production source files (a language was detected). */
export const sourceFiles = perFacts((facts): TextFile[] => productionFiles(facts).filter((f) => f.language !== null));

/** The file's name without its directories, lower-cased. */
export function baseName(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1).toLowerCase();
}

// Bundler and build-tool configuration: it runs while the image is built, never in the service.
const BUILD_TOOLING = /(^|\/)(vite|webpack|rollup|esbuild|babel|postcss|tailwind|svelte|astro|nuxt|tsup)\.config\.[cm]?[jt]s$/i;

// Files a web server hands to browsers as they are: their code runs in the browser, never in the service.
const BROWSER_ASSETS = /(^|\/)(assets|static|public|wwwroot|webroot|priv\/static|resources\/(static|public))\//;

/**
 * Production source files that run in the service process: browser assets (`assets/`, `static/`, `wwwroot/`)
 * left out. Empty while `sourceFiles` is not: all Dozen can read is browser code, the server is in a language it
 * does not read (Elixir, C++), so a check of the process cannot tell.
 */
export const serverSourceFiles = perFacts((facts): TextFile[] =>
  sourceFiles(facts).filter((f) => {
    const path = pathInService(facts.service.path, f.path);
    return !BROWSER_ASSETS.test(path) && !BUILD_TOOLING.test(path);
  }),
);
