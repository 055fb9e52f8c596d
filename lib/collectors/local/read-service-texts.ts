import { join } from "node:path";
import { kib, readRegularFile } from "@/lib/collectors/local/read-regular-file";
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
    // Never a link, FIFO or device (one swapped in since the walk included), never past the cap.
    const read = await readRegularFile({ path: join(opts.root, file.path), maxBytes: limits.maxFileBytes });
    if ("skipped" in read) {
      skipped.push({ path: file.path, reason: read.skipped });
      continue;
    }
    const { buffer } = read;
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
