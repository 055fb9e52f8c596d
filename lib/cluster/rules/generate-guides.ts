import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { renderClusterGuides } from "@/lib/cluster/rules/render-guides";

/** Regenerates lib/cluster/rules/guides.generated.ts after adding or editing a guide in guides/. */
const dir = dirname(fileURLToPath(import.meta.url));
writeFileSync(join(dir, "guides.generated.ts"), renderClusterGuides({ dir }));
console.log(`Wrote ${join(dir, "guides.generated.ts")}`);
