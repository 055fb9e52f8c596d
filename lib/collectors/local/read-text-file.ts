import { constants } from "node:fs";
import { open } from "node:fs/promises";
import { join } from "node:path";

/**
 * Reads a regular file as UTF-8 text without following a symlink (O_NOFOLLOW: a file swapped for a link after a
 * walk is refused too). `{ text }`, or `{ skipped: reason }` when it is a link, unreadable, larger than
 * `maxBytes` (it may have grown since it was listed) or binary (a NUL byte in its first 8 KB). Never throws.
 */
export async function readTextFile(opts: {
  root: string;
  path: string;
  maxBytes: number;
}): Promise<{ text: string } | { skipped: string }> {
  let buffer: Buffer;
  try {
    const handle = await open(join(opts.root, opts.path), constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
    try {
      const info = await handle.stat();
      if (!info.isFile()) return { skipped: "not a regular file" };
      if (info.size > opts.maxBytes) return { skipped: `too large (${kib(info.size)} > ${kib(opts.maxBytes)})` };
      buffer = await handle.readFile();
    } finally {
      await handle.close();
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { skipped: code === "ELOOP" ? "symlink (not followed)" : `unreadable (${code ?? "error"})` };
  }
  if (buffer.length > opts.maxBytes) return { skipped: `too large (${kib(buffer.length)} > ${kib(opts.maxBytes)})` };
  if (buffer.subarray(0, 8000).includes(0)) return { skipped: "binary" };
  return { text: buffer.toString("utf8") };
}

/** A byte count as people read it: 512 B, 40 KiB, 1.5 MiB. */
export function kib(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MiB` : `${Math.ceil(bytes / 1024)} KiB`;
}
