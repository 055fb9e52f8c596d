import { join } from "node:path";
import type { RepoConfigFile } from "@/lib/facts/types";
import { readSmallFile } from "@/lib/collectors/local/read-small-file";

/** File names looked for at the root of a scanned directory, in this order. */
export const REPO_CONFIG_NAMES = ["dozen.yaml", "dozen.yml", "dozen.json"] as const;

// A scoring config is a few lines of YAML; anything larger is not one.
const MAX_BYTES = 256 * 1024;

/**
 * Reads a source root's scoring config (the first of dozen.yaml/.yml/.json), or null when there is none.
 * Only a regular file within the size cap is read (never a symlink, a FIFO or a device); parsing it is
 * lib/scoring's job. With `path`, only that file is tried (`dozen scan --config`): null when it cannot be read.
 */
export async function readRepoConfig(opts: { root?: string; path?: string }): Promise<RepoConfigFile | null> {
  if (opts.path) {
    const text = await readSmallFile({ path: opts.path, maxBytes: MAX_BYTES });
    return text === null ? null : { path: opts.path, text };
  }
  for (const name of REPO_CONFIG_NAMES) {
    const text = await readSmallFile({ path: join(opts.root ?? ".", name), maxBytes: MAX_BYTES });
    if (text !== null) return { path: name, text };
  }
  return null;
}
