import { join } from "node:path";
import { readSmallFile } from "@/lib/collectors/local/read-small-file";

// GitHub uses the first CODEOWNERS it finds, in this order.
const LOCATIONS = [".github/CODEOWNERS", "CODEOWNERS", "docs/CODEOWNERS"];

/** The text of the CODEOWNERS file GitHub would use for a repository rooted at `dir`, or null. */
export async function readCodeowners(opts: { dir: string }): Promise<string | null> {
  for (const location of LOCATIONS) {
    const text = await readSmallFile({ path: join(opts.dir, location) });
    if (text !== null) return text;
  }
  return null;
}
