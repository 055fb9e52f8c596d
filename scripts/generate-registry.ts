// npm run generate:registry – regenerates lib/rules/registry.generated.ts from the check folders. Run after
// adding, renaming or editing a check or its guide (`-- --check` only reports whether the file is stale).
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { renderRegistry } from "@/scripts/render-registry";
import { ROOT } from "@/lib/ops/bin-path";

const rulesDir = join(ROOT, "lib/rules");
const target = join(rulesDir, "registry.generated.ts");

try {
  const rendered = await renderRegistry({ rulesDir });
  const current = existsSync(target) ? readFileSync(target, "utf8") : "";
  if (process.argv.includes("--check")) {
    if (current !== rendered) {
      console.error("lib/rules/registry.generated.ts is out of date: run `npm run generate:registry`.");
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
