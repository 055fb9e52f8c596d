import { lstat, readFile } from "node:fs/promises";

/**
 * Reads a descriptor-sized file (CODEOWNERS, catalog-info.yaml) as UTF-8, or null when it is absent, not a
 * regular file (a symlink is never followed) or larger than `maxBytes`.
 */
export async function readSmallFile(opts: { path: string; maxBytes?: number }): Promise<string | null> {
  try {
    const stat = await lstat(opts.path);
    if (!stat.isFile() || stat.size > (opts.maxBytes ?? 256 * 1024)) return null;
    return await readFile(opts.path, "utf8");
  } catch {
    return null;
  }
}
