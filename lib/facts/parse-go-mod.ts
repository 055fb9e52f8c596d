import { posix } from "node:path";
import type { ParsedDependencies } from "@/lib/facts/dependency-types";

const REQUIRE = /^([^\s/]+\/\S+|\S+)\s+(v\S+)/;

/**
 * Requirements of a `go.mod`: single-line `require x v1.2.3` and `require ( ... )` blocks. Indirect
 * requirements are kept (they are pinned dependencies too); Go has no dev dependencies, so dev is false.
 */
export function parseGoMod(opts: { lines: readonly string[] }): ParsedDependencies {
  const dependencies: ParsedDependencies["dependencies"] = [];
  let inBlock = false;
  opts.lines.forEach((raw, i) => {
    const text = raw.replace(/\/\/.*$/, "").trim();
    if (inBlock) {
      if (text.startsWith(")")) inBlock = false;
      else push(text, i + 1);
      return;
    }
    if (/^require\s*\($/.test(text)) inBlock = true;
    else if (text.startsWith("require ")) push(text.slice("require ".length).trim(), i + 1);
  });
  return { dependencies, problems: [] };

  function push(text: string, line: number) {
    const m = REQUIRE.exec(text);
    if (m?.[1]) dependencies.push({ name: m[1], version: m[2] ?? null, line, dev: false });
  }
}

/**
 * The folders of the local modules a `go.mod` replaces a requirement with (`replace example.com/common =>
 * ../common`, single or in a `replace ( … )` block), relative to the repository root: code compiled into the
 * module as its own. Targets outside the repository, and module versions (`=> example.com/fork v1.2.0`), are not.
 */
export function localGoReplaces(opts: { path: string; lines: readonly string[] }): string[] {
  const dir = posix.dirname(opts.path);
  const found = new Set<string>();
  let inBlock = false;
  for (const raw of opts.lines) {
    const text = raw.replace(/\/\/.*$/, "").trim();
    if (inBlock && text.startsWith(")")) inBlock = false;
    else if (/^replace\s*\($/.test(text)) inBlock = true;
    else if (inBlock || text.startsWith("replace ")) {
      const target = /=>\s*(\.\.?\/\S*|\.\.?)\s*$/.exec(text)?.[1];
      if (!target) continue;
      const folder = posix.normalize(posix.join(dir, target)).replace(/\/$/, "");
      if (folder !== ".." && !folder.startsWith("../") && !posix.isAbsolute(folder)) found.add(folder);
    }
  }
  return [...found];
}
