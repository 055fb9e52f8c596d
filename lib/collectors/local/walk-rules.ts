// Installed, generated or tool-private trees: never part of a service's source, often huge.
const NEVER_DESCEND = new Set(["node_modules", ".git", "dist", "build", "target", "bin", "obj", "__pycache__", ".venv", "venv"]);

/**
 * Whether a directory walk may enter `name`. Hidden directories are skipped (.idea, .next, .terraform...)
 * except `.github`, which holds CODEOWNERS and workflows. `vendor/` is skipped when looking for services
 * but listed when collecting one (its paths belong in `files`; it is never read).
 */
export function mayDescend(opts: { name: string; purpose: "discover" | "collect" }): boolean {
  if (NEVER_DESCEND.has(opts.name)) return false;
  if (opts.name === "vendor") return opts.purpose === "collect";
  return !opts.name.startsWith(".") || opts.name === ".github";
}
