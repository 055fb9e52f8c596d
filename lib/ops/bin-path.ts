import path from "node:path";
import { fileURLToPath } from "node:url";

/** Repository root, whatever directory the command was started from. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** Absolute path of an npm-installed CLI's JS entry, run with the current node (no PATH lookup). */
export function nodeBin(relative: string): string {
  return path.join(ROOT, "node_modules", relative);
}

/**
 * Node arguments that run a TypeScript entry point with tsx's loader in the same process. No tsx CLI in
 * between: signals go straight to the process that handles them.
 */
export function tsxArgs(script: string): string[] {
  return ["--import", "tsx", path.join(ROOT, script)];
}
