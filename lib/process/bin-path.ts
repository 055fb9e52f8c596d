import path from "node:path";
import { fileURLToPath } from "node:url";

/** Repository root, whatever directory the command was started from. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** Absolute path of an npm-installed CLI's JS entry, run with the current node (no PATH lookup). */
export function nodeBin(relative: string): string {
  return path.join(ROOT, "node_modules", relative);
}

/** Runs a TypeScript entry point through tsx with the current node. */
export function tsxArgs(script: string): string[] {
  return [nodeBin("tsx/dist/cli.mjs"), path.join(ROOT, script)];
}
