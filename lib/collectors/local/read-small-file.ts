import { readRegularFile } from "@/lib/collectors/local/read-regular-file";

/**
 * Reads a descriptor-sized file (CODEOWNERS, catalog-info.yaml, dozen.yaml) as UTF-8, or null when it is
 * absent, not a regular file (a symlink is never followed, a FIFO or device never opened for a blocking
 * read) or larger than `maxBytes`.
 */
export async function readSmallFile(opts: { path: string; maxBytes?: number }): Promise<string | null> {
  const read = await readRegularFile({ path: opts.path, maxBytes: opts.maxBytes ?? 256 * 1024 });
  return "buffer" in read ? read.buffer.toString("utf8") : null;
}
