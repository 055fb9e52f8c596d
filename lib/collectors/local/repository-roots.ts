import { stat } from "node:fs/promises";
import { join } from "node:path";
import { parse } from "yaml";
import { topLevelFolders, type RepoInventory } from "@/lib/facts/deploy-graph/inventory";
import type { RepoConfigFile } from "@/lib/facts/types";

/**
 * The repositories in a scanned directory, as folders relative to it ("" for the directory itself). A folder of
 * checkouts is one repository per top-level folder: when its dozen.yaml says `layout: repository-per-folder`,
 * or when it is not a git work tree itself and at least two of its folders are. Each repository is discovered
 * on its own: one's compose file never joins another's code, and one that builds images does not make another's
 * modules "not services".
 */
export async function repositoryRoots(opts: {
  root: string;
  inventory: Pick<RepoInventory, "files">;
  repoConfig: RepoConfigFile | null;
}): Promise<string[]> {
  const declared = declaredLayout(opts.repoConfig);
  if (declared === "repository") return [""];
  const folders = topLevelFolders(opts.inventory);
  if (declared === "repository-per-folder") return folders;
  if (await isGitWorkTree(opts.root)) return [""];
  const checkouts = await Promise.all(folders.map((f) => isGitWorkTree(join(opts.root, f))));
  return checkouts.filter(Boolean).length >= 2 ? folders : [""];
}

function declaredLayout(config: RepoConfigFile | null): string | null {
  if (!config) return null;
  try {
    const doc = parse(config.text) as unknown;
    const layout = doc !== null && typeof doc === "object" ? (doc as Record<string, unknown>).layout : undefined;
    return typeof layout === "string" ? layout : null;
  } catch {
    // An unreadable config is reported by scoring (parseScoringConfig); discovery falls back to detection.
    return null;
  }
}

async function isGitWorkTree(dir: string): Promise<boolean> {
  return (await stat(join(dir, ".git")).catch(() => null)) !== null;
}
