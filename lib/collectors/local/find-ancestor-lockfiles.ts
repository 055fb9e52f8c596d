import { lstat } from "node:fs/promises";
import { join } from "node:path";
import { LOCKFILE_NAMES } from "@/lib/facts/classify-path";

/**
 * Lockfiles in the directories between the source root and a service (a monorepo's workspace lockfile
 * sits at its root, not in each service). Only their existence is checked; nothing outside the service
 * directory is read. Paths are relative to the source root.
 */
export async function findAncestorLockfiles(opts: { root: string; servicePath: string }): Promise<string[]> {
  if (opts.servicePath === ".") return [];
  const segments = opts.servicePath.split("/");
  const found: string[] = [];
  for (let depth = 0; depth < segments.length; depth++) {
    const dir = segments.slice(0, depth).join("/");
    for (const name of LOCKFILE_NAMES) {
      const path = dir === "" ? name : `${dir}/${name}`;
      const stat = await lstat(join(opts.root, path)).catch(() => null);
      if (stat?.isFile()) found.push(path);
    }
  }
  return found;
}
