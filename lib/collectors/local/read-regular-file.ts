import { constants } from "node:fs";
import { open } from "node:fs/promises";

/** A file's bytes, or why it was not read. */
export type RegularFileReading = { buffer: Buffer } | { skipped: string };

/**
 * Reads a regular file of at most `maxBytes`, and nothing else: never through a symlink (O_NOFOLLOW, so a
 * file swapped for a link after a walk is refused too), never a FIFO, device or socket (opened
 * non-blocking and checked on the open handle, so a FIFO cannot block the worker and /dev/zero is never
 * read), never past the cap (read in bounded chunks: /proc files report a size of 0). Never throws.
 */
export async function readRegularFile(opts: { path: string; maxBytes: number }): Promise<RegularFileReading> {
  let handle;
  try {
    handle = await open(opts.path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { skipped: code === "ELOOP" ? "symlink (not followed)" : `unreadable (${code ?? "error"})` };
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) return { skipped: "not a regular file" };
    if (info.size > opts.maxBytes) return { skipped: `too large (${kib(info.size)} > ${kib(opts.maxBytes)})` };
    const chunks: Buffer[] = [];
    let length = 0;
    while (length <= opts.maxBytes) {
      const chunk = Buffer.allocUnsafe(Math.min(64 * 1024, opts.maxBytes + 1 - length));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      length += bytesRead;
    }
    // It may have grown since it was listed.
    if (length > opts.maxBytes) return { skipped: `too large (more than ${kib(opts.maxBytes)})` };
    return { buffer: Buffer.concat(chunks, length) };
  } catch (error) {
    return { skipped: `unreadable (${(error as NodeJS.ErrnoException).code ?? "error"})` };
  } finally {
    await handle.close();
  }
}

/** A byte count as people read it: 512 B, 40 KiB, 1.5 MiB. */
export function kib(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MiB` : `${Math.ceil(bytes / 1024)} KiB`;
}
