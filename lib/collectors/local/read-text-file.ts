import { join } from "node:path";
import { readRegularFile } from "@/lib/collectors/local/read-regular-file";

/**
 * Reads a regular file as UTF-8 text (readRegularFile: never a link, FIFO or device, never past the cap).
 * `{ text }`, or `{ skipped: reason }` when it is a link, unreadable, larger than `maxBytes` (it may have
 * grown since it was listed) or binary (a NUL byte in its first 8 KB). Never throws.
 */
export async function readTextFile(opts: {
  root: string;
  path: string;
  maxBytes: number;
}): Promise<{ text: string } | { skipped: string }> {
  const read = await readRegularFile({ path: join(opts.root, opts.path), maxBytes: opts.maxBytes });
  if ("skipped" in read) return read;
  if (read.buffer.subarray(0, 8000).includes(0)) return { skipped: "binary" };
  return { text: read.buffer.toString("utf8") };
}
