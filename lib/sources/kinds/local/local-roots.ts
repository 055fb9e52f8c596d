import path from "node:path";
import { realpath } from "node:fs/promises";
import { localRoots } from "@/lib/env";

/**
 * Why a directory may not be a local source, or null when it may: it must lie below one of
 * DOZEN_LOCAL_ROOTS (none by default; `npm start`'s local mode allows the repository's examples/), so a
 * source cannot make the worker read /etc or another checkout's secrets. Judged on the path as given
 * (`refuseLocalDirectory`, in the input schema) and on its real path (`refuseRealDirectory`, when adding
 * and again in the worker before a scan), so a link out of a root does not pass.
 */
export function refuseLocalDirectory(opts: { directory: string }): string | null {
  const roots = localRoots().map((r) => path.resolve(r));
  return roots.some((root) => isBelow({ root, dir: path.resolve(opts.directory) })) ? null : refusal(roots);
}

/** As refuseLocalDirectory, on real paths (links resolved); a directory that does not exist is not refused here. */
export async function refuseRealDirectory(opts: { directory: string }): Promise<string | null> {
  const real = await realpath(path.resolve(opts.directory)).catch(() => null);
  if (real === null) return null;
  const roots = localRoots().map((r) => path.resolve(r));
  for (const root of roots) {
    const realRoot = await realpath(root).catch(() => null);
    if (realRoot !== null && isBelow({ root: realRoot, dir: real })) return null;
  }
  return refusal(roots);
}

function isBelow(opts: { root: string; dir: string }): boolean {
  const below = path.relative(opts.root, opts.dir);
  // "..2026" is a name inside the root; ".." or "../x" climbs out of it.
  return below !== ".." && !below.startsWith(`..${path.sep}`) && !path.isAbsolute(below);
}

function refusal(roots: string[]): string {
  return roots.length === 0
    ? "local sources are off: set DOZEN_LOCAL_ROOTS to the directories they may lie below"
    : `not below DOZEN_LOCAL_ROOTS (${roots.join(", ")})`;
}
