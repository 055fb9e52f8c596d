import type { ParsedDependencies } from "@/lib/facts/dependency-types";

const REQUIREMENT = /^([A-Za-z0-9][A-Za-z0-9._-]*)\s*(\[[^\]]*\])?\s*(.*)$/;

/**
 * Dependencies of a pip requirements file: `name[extras] spec ; marker`, `name @ url`, and editable VCS
 * installs (`-e git+...#egg=name`). Options (`-r`, `--index-url`, `--hash`) are not packages. Every entry of
 * a file whose name says dev/test (`requirements-dev.txt`, `test-requirements.txt`) is a dev dependency.
 */
export function parseRequirementsTxt(opts: { path: string; lines: readonly string[] }): ParsedDependencies {
  const dev = /(^|[-_.])(dev|test|tests|lint|docs)([-_.]|$)/.test(opts.path.slice(opts.path.lastIndexOf("/") + 1).replace(/\.txt$/, ""));
  const dependencies: ParsedDependencies["dependencies"] = [];
  opts.lines.forEach((raw, i) => {
    const text = raw
      .replace(/(^|\s)#.*$/, "")
      .replace(/\\$/, "")
      .trim();
    if (text === "") return;
    const egg = /^(?:-e|--editable)\s+\S*#egg=([A-Za-z0-9._-]+)/.exec(text);
    if (egg?.[1]) {
      dependencies.push({ name: egg[1], version: text.replace(/^(-e|--editable)\s+/, "").replace(/#egg=.*$/, ""), line: i + 1, dev });
      return;
    }
    if (text.startsWith("-")) return;
    const m = REQUIREMENT.exec(text);
    if (!m?.[1]) return;
    const spec =
      (m[3] ?? "")
        .split(";")[0]
        ?.replace(/\s+--hash=\S+/g, "")
        .trim() ?? "";
    dependencies.push({ name: m[1], version: spec === "" ? null : spec, line: i + 1, dev });
  });
  return { dependencies, problems: [] };
}
