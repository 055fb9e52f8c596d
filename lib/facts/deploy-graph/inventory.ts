/** Everything of a source's shape the collector read, before any service is known (collectInventory). */
export interface RepoInventory {
  /** Every file of the source (relative, POSIX), installed and hidden trees left out. */
  files: string[];
  /** The structure files' texts (lib/facts/deploy-graph/structure-files.ts), not yet redacted. */
  texts: { path: string; text: string }[];
  /** Each Kustomize directory as `kubectl kustomize` rendered it, or why it could not. */
  rendered: { dir: string; text: string | null; error?: string }[];
  skipped: { path: string; reason: string }[];
}

/** The part of an inventory under one folder (a repository in a folder of checkouts); paths stay source-relative. */
export function subInventory(inventory: RepoInventory, dir: string): RepoInventory {
  const prefix = `${dir}/`;
  const under = (path: string) => path === dir || path.startsWith(prefix);
  return {
    files: inventory.files.filter(under),
    texts: inventory.texts.filter((t) => under(t.path)),
    rendered: inventory.rendered.filter((r) => under(r.dir)),
    skipped: inventory.skipped.filter((s) => under(s.path)),
  };
}

/** The top-level folders of an inventory: the repositories of a folder of checkouts. */
export function topLevelFolders(inventory: Pick<RepoInventory, "files">): string[] {
  return [...new Set(inventory.files.filter((f) => f.includes("/")).map((f) => f.slice(0, f.indexOf("/"))))].sort();
}
