import type { ParsedDependencies } from "@/lib/facts/dependency-types";
import { indexKeyLines } from "@/lib/facts/index-key-lines";

// npm: optional dependencies are installed, peers are the consumer's; composer: require / require-dev.
const SECTIONS: Record<"npm" | "composer", [section: string, dev: boolean][]> = {
  npm: [
    ["dependencies", false],
    ["optionalDependencies", false],
    ["devDependencies", true],
  ],
  composer: [
    ["require", false],
    ["require-dev", true],
  ],
};

/**
 * Dependencies of a `package.json` (npm, yarn, pnpm) or `composer.json`, with the line each is declared on.
 * Composer's platform requirements (`php`, `ext-*`) are not packages and are left out.
 */
export function parseJsonDependencies(opts: { lines: readonly string[]; flavour: "npm" | "composer" }): ParsedDependencies {
  let json: unknown;
  try {
    json = JSON.parse(opts.lines.join("\n"));
  } catch (error) {
    return { dependencies: [], problems: [`invalid JSON: ${jsonErrorReason((error as Error).message, opts.lines)}`] };
  }
  if (json === null || typeof json !== "object" || Array.isArray(json)) return { dependencies: [], problems: ["not a JSON object"] };
  const dependencies: ParsedDependencies["dependencies"] = [];
  for (const [section, dev] of SECTIONS[opts.flavour]) {
    const deps = (json as Record<string, unknown>)[section];
    if (deps === null || typeof deps !== "object" || Array.isArray(deps)) continue;
    const index = indexKeyLines({ lines: opts.lines, section });
    for (const [name, version] of Object.entries(deps)) {
      if (opts.flavour === "composer" && (name === "php" || name.startsWith("ext-"))) continue;
      dependencies.push({
        name,
        version: typeof version === "string" ? version : null,
        line: index?.keys.get(name) ?? index?.sectionLine ?? 1,
        dev,
      });
    }
  }
  return { dependencies, problems: [] };
}

/** V8 quotes a slice of the input in its message; keep the reason and turn the offset into a line instead. */
function jsonErrorReason(message: string, lines: readonly string[]): string {
  const reason = (message.split("\n")[0] ?? "")
    .replace(/,\s*(\.\.\.)?".*"(\.\.\.)?\s*is not valid JSON$/, "")
    .replace(/\s*in JSON at position \d+.*$/, "");
  const position = /position (\d+)/.exec(message);
  if (!position) return reason;
  let remaining = Number(position[1]);
  let line = 0;
  while (line < lines.length - 1 && remaining > (lines[line]?.length ?? 0)) {
    remaining -= (lines[line]?.length ?? 0) + 1;
    line++;
  }
  return `${reason} (line ${line + 1})`;
}
