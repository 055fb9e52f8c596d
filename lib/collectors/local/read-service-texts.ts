import { constants } from "node:fs";
import { open } from "node:fs/promises";
import { join } from "node:path";
import { classifyPath, type PathKind } from "@/lib/facts/classify-path";
import type { CollectLimits } from "@/lib/collectors/local/types";

// Within the total text budget, what rules need most is read first.
const PRIORITY: Record<PathKind, number> = {
  dockerfile: 0,
  compose: 1,
  procfile: 1,
  "dependency-manifest": 2,
  yaml: 3,
  config: 4,
  key: 4,
  source: 5,
  other: 6,
  lockfile: 7,
};
const SHEBANG_PROBE_BYTES = 64 * 1024;

/**
 * Reads the files that can feed facts: not tests/docs/vendor/examples, not lockfiles (their presence is
 * enough), key files (.pem, .key, .jwk, id_rsa: scanned for private keys only), and extensionless files only
 * when small (they may be scripts with a shebang). Enforces the
 * per-file and total limits, skips binaries (a NUL byte) and never follows a symlink (O_NOFOLLOW, so a
 * file swapped for a link after the walk is refused too). Every refusal is a `skipped` entry, never a throw.
 */
export async function readServiceTexts(opts: {
  root: string;
  servicePath: string;
  files: readonly { path: string; size: number }[];
  limits: CollectLimits;
}): Promise<{ texts: { path: string; text: string }[]; skipped: { path: string; reason: string }[] }> {
  const { limits } = opts;
  const prefix = opts.servicePath === "." ? "" : `${opts.servicePath}/`;
  const wanted = opts.files
    .map((f) => ({ ...f, ...classifyPath({ path: f.path.slice(prefix.length) }) }))
    .filter((f) => !f.excluded && f.kind !== "lockfile")
    .filter((f) => f.kind !== "other" || (!/\.[^/]*$/.test(f.path.slice(f.path.lastIndexOf("/") + 1)) && f.size <= SHEBANG_PROBE_BYTES))
    .sort((a, b) => PRIORITY[a.kind] - PRIORITY[b.kind] || (a.path < b.path ? -1 : 1));
  const texts: { path: string; text: string }[] = [];
  const skipped: { path: string; reason: string }[] = [];
  let total = 0;
  for (const file of wanted) {
    const probe = file.kind === "other";
    if (file.size > limits.maxFileBytes) {
      skipped.push({ path: file.path, reason: `too large (${kib(file.size)} > ${kib(limits.maxFileBytes)})` });
      continue;
    }
    if (total + file.size > limits.maxTotalBytes) {
      skipped.push({ path: file.path, reason: `total text limit (${kib(limits.maxTotalBytes)}) reached` });
      continue;
    }
    let buffer: Buffer;
    try {
      const handle = await open(join(opts.root, file.path), constants.O_RDONLY | constants.O_NOFOLLOW);
      try {
        buffer = await handle.readFile();
      } finally {
        await handle.close();
      }
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      skipped.push({ path: file.path, reason: code === "ELOOP" ? "symlink (not followed)" : `unreadable (${code ?? "error"})` });
      continue;
    }
    // The file may have grown since the walk measured it.
    if (buffer.length > limits.maxFileBytes) {
      skipped.push({ path: file.path, reason: `too large (${kib(buffer.length)} > ${kib(limits.maxFileBytes)})` });
      continue;
    }
    if (buffer.subarray(0, 8000).includes(0)) {
      if (!probe) skipped.push({ path: file.path, reason: "binary" });
      continue;
    }
    const text = buffer.toString("utf8");
    if (probe && !text.startsWith("#!")) continue;
    total += buffer.length;
    texts.push({ path: file.path, text });
  }
  return { texts, skipped };
}

function kib(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MiB` : `${Math.ceil(bytes / 1024)} KiB`;
}
