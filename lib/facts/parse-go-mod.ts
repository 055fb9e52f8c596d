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
