/**
 * The lockfile that pins a manifest: the first of `names` beside it, or, with `ancestors` (workspaces:
 * npm/yarn/pnpm, Cargo, Poetry), in a parent directory up to the source root. `paths` holds every
 * known path relative to the source root (POSIX); this is a pure lookup, the caller stats the files.
 */
export function findLockfile(opts: {
  manifestPath: string;
  names: readonly string[];
  paths: ReadonlySet<string>;
  ancestors: boolean;
}): string | null {
  const segments = opts.manifestPath.split("/").slice(0, -1);
  for (let depth = segments.length; depth >= 0; depth--) {
    const dir = segments.slice(0, depth).join("/");
    for (const name of opts.names) {
      const candidate = dir === "" ? name : `${dir}/${name}`;
      if (opts.paths.has(candidate)) return candidate;
    }
    if (!opts.ancestors) break;
  }
  return null;
}
