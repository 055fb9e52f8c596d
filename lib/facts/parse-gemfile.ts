import type { ParsedDependencies } from "@/lib/facts/dependency-types";

const GEM = /^gem\s*\(?\s*["']([^"']+)["']((?:\s*,\s*["'][^"']*["'])*)(.*)$/;
const DEV_GROUPS = /^(development|test)$/;

/**
 * Gems of a Gemfile with their version constraints (`"~> 7.1", ">= 7.1.2"` joined). A gem is dev when
 * every group it belongs to is development or test, whether from a `group ... do` block or `group:`.
 */
export function parseGemfile(opts: { lines: readonly string[] }): ParsedDependencies {
  const dependencies: ParsedDependencies["dependencies"] = [];
  // One entry per open `do` block: whether it is a dev-only group (blocks such as `platforms` inherit).
  const blocks: boolean[] = [];
  opts.lines.forEach((raw, i) => {
    const text = raw.replace(/(^|\s)#.*$/, "").trim();
    const inDevGroup = blocks.at(-1) ?? false;
    if (/^end\b/.test(text)) {
      blocks.pop();
      return;
    }
    if (/\bdo(\s*\|[^|]*\|)?$/.test(text)) {
      const group = /^group\s*\(?(.*?)\)?\s+do/.exec(text);
      blocks.push(group ? symbols(group[1] ?? "").every((g) => DEV_GROUPS.test(g)) : inDevGroup);
      return;
    }
    const m = GEM.exec(text);
    if (!m?.[1]) return;
    const versions = [...(m[2] ?? "").matchAll(/["']([^"']*)["']/g)].map((v) => v[1]).join(", ");
    const inline = /\bgroups?:\s*(\[[^\]]*\]|:\w+|["']\w+["'])/.exec(m[3] ?? "");
    const dev = inline ? symbols(inline[1] ?? "").every((g) => DEV_GROUPS.test(g)) : inDevGroup;
    dependencies.push({ name: m[1], version: versions === "" ? null : versions, line: i + 1, dev });
  });
  return { dependencies, problems: [] };
}

function symbols(text: string): string[] {
  return [...text.matchAll(/:?["']?(\w+)["']?/g)].map((m) => m[1] ?? "").filter((s) => s !== "" && s !== "do");
}
