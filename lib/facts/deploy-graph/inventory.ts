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
