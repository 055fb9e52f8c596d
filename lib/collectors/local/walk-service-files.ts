import { lstat, readdir } from "node:fs/promises";
import { join } from "node:path";
import { classifyPath } from "@/lib/facts/classify-path";
import { CollectError } from "@/lib/collectors/local/collect-error";
import type { CollectLimits } from "@/lib/collectors/local/types";
import { mayDescend } from "@/lib/collectors/local/walk-rules";

/**
 * Lists a service's files (paths relative to the source root, POSIX) breadth-first, its own code before
 * tests/docs/vendor, so the `maxFiles` cap keeps what rules need. Symlinks are never followed (lstat
 * only) and are reported as skipped; `exclude` folders (other services nested inside) are left out. Throws CollectError beyond `abortFileCount` files, and the fs
 * error when the service directory itself cannot be read; an unreadable subdirectory is only skipped.
 */
export async function walkServiceFiles(opts: {
  root: string;
  servicePath: string;
  limits: CollectLimits;
  exclude?: readonly string[];
}): Promise<{
  files: { path: string; size: number }[];
  skipped: { path: string; reason: string }[];
}> {
  const { root, servicePath, limits } = opts;
  const files: { path: string; size: number }[] = [];
  const skipped: { path: string; reason: string }[] = [];
  const queue: string[] = [servicePath];
  const later: string[] = [];
  let seen = 0;
  let unlisted = 0;
  while (queue.length > 0 || later.length > 0) {
    const dir = (queue.shift() ?? later.shift()) as string;
    let entries;
    try {
      entries = await readdir(dir === "." ? root : join(root, dir), { withFileTypes: true });
    } catch (error) {
      if (dir === servicePath) throw error;
      skipped.push({ path: dir, reason: `unreadable directory (${(error as NodeJS.ErrnoException).code ?? "error"})` });
      continue;
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = dir === "." ? entry.name : `${dir}/${entry.name}`;
      if (entry.isSymbolicLink()) {
        skipped.push({ path, reason: "symlink (not followed)" });
      } else if (entry.isDirectory()) {
        if (!mayDescend({ name: entry.name, purpose: "collect" })) continue;
        // Another service's folder inside this one (a monorepo root's services) holds its files, not these.
        if (opts.exclude?.includes(path)) continue;
        const relToService = servicePath === "." ? path : path.slice(servicePath.length + 1);
        (classifyPath({ path: `${relToService}/x` }).excluded ? later : queue).push(path);
      } else if (entry.isFile()) {
        seen++;
        if (seen > limits.abortFileCount) {
          throw new CollectError(`more than ${limits.abortFileCount} files under ${servicePath} (DOZEN_SERVICE_MAX_FILES): not collected`);
        }
        if (files.length >= limits.maxFiles) {
          unlisted++;
          continue;
        }
        try {
          files.push({ path, size: (await lstat(join(root, path))).size });
        } catch (error) {
          skipped.push({ path, reason: `unreadable (${(error as NodeJS.ErrnoException).code ?? "error"})` });
        }
      }
    }
  }
  if (unlisted > 0)
    skipped.push({ path: servicePath, reason: `file limit (${limits.maxFiles}) reached: ${unlisted} more files not listed` });
  return { files, skipped };
}
