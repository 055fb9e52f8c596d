import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { renderRegistry } from "@/lib/rules/render-registry";

/**
 * Regenerates lib/rules/registry.generated.ts from the rule folders. Run after adding, renaming or editing
 * a rule's guide: `npx tsx lib/rules/generate-registry.ts` (`--check` only reports whether it is stale).
 */
const rulesDir = dirname(fileURLToPath(import.meta.url));
const target = join(rulesDir, "registry.generated.ts");

try {
  const rendered = await renderRegistry({ rulesDir });
  const current = existsSync(target) ? readFileSync(target, "utf8") : "";
  if (process.argv.includes("--check")) {
    if (current !== rendered) {
      console.error("lib/rules/registry.generated.ts is out of date: run `npx tsx lib/rules/generate-registry.ts`.");
      process.exitCode = 1;
    }
  } else if (current !== rendered) {
    writeFileSync(target, rendered);
    console.log(`Wrote ${target}`);
  } else {
    console.log("registry.generated.ts is up to date.");
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
