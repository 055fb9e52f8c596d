import { createWriteStream } from "node:fs";
import { mkdir } from "node:fs/promises";
import { dirname, join, posix } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGunzip } from "node:zlib";
import { extract, type Header } from "tar-stream";

/** Bounds on one repository's archive, so a huge or hostile repository cannot exhaust the worker. */
export interface TarballLimits {
  /** Compressed bytes downloaded. */
  maxArchiveBytes: number;
  /** Uncompressed bytes written; larger files are left out (listed in `skipped`). */
  maxTotalBytes: number;
  maxFileBytes: number;
  /** Regular files written; beyond it the repository fails (a data dump, not a service). */
  maxFiles: number;
}

export const DEFAULT_TARBALL_LIMITS: TarballLimits = {
  maxArchiveBytes: 200 * 1024 * 1024,
  maxTotalBytes: 100 * 1024 * 1024,
  maxFileBytes: 512 * 1024,
  maxFiles: 50_000,
};

/**
 * Streams a GitHub tarball (gzip) into `dir`, a fresh temp directory: the `<owner>-<repo>-<sha7>/` prefix is
 * stripped, only regular files and directories are written, symlinks and hard links are never created
 * (listed in `skipped`), and a path that would leave `dir` (absolute, `..`) is refused. Files over the size
 * limit are left out; exceeding the archive size or file count aborts with an error.
 */
export async function extractTarball(opts: {
  body: ReadableStream<Uint8Array> | Readable;
  dir: string;
  limits?: Partial<TarballLimits>;
}): Promise<{ files: number; bytes: number; skipped: { path: string; reason: string }[] }> {
  const limits = { ...DEFAULT_TARBALL_LIMITS, ...opts.limits };
  const source = opts.body instanceof Readable ? opts.body : Readable.fromWeb(opts.body as import("node:stream/web").ReadableStream);
  const skipped: { path: string; reason: string }[] = [];
  let archiveBytes = 0;
  let files = 0;
  let bytes = 0;
  const parser = extract();
  parser.on("entry", (header: Header, stream, next) => {
    // An aborted extraction destroys the entry too; its error already surfaces through the pipeline.
    stream.on("error", () => undefined);
    const path = relativePath(header.name);
    const done = (error?: Error) => (error ? parser.destroy(error) : next());
    const skip = (reason: string | null) => {
      if (reason && path) skipped.push({ path, reason });
      stream.on("end", () => done()).resume();
    };
    if (path === null) return skip(null);
    if (header.type === "symlink" || header.type === "link") return skip(`${header.type} (not followed)`);
    if (header.type === "directory") return void mkdir(join(opts.dir, path), { recursive: true }).then(() => skip(null), done);
    if (header.type !== "file" && header.type !== "contiguous-file") return skip(null);
    if (++files > limits.maxFiles) return done(new Error(`more than ${limits.maxFiles} files in the repository: not scanned`));
    const size = header.size ?? 0;
    if (size > limits.maxFileBytes) return skip(`too large (${size} bytes)`);
    if (bytes + size > limits.maxTotalBytes) return skip("total size limit reached");
    bytes += size;
    const target = join(opts.dir, path);
    mkdir(dirname(target), { recursive: true })
      .then(() => pipeline(stream, createWriteStream(target, { flags: "wx" })))
      .then(() => done(), done);
  });
  const meter = async function* (chunks: AsyncIterable<Buffer>) {
    for await (const chunk of chunks) {
      archiveBytes += chunk.length;
      if (archiveBytes > limits.maxArchiveBytes)
        throw new Error(`repository archive larger than ${limits.maxArchiveBytes} bytes: not scanned`);
      yield chunk;
    }
  };
  await pipeline(source, meter, createGunzip(), parser);
  return { files: Math.min(files, limits.maxFiles), bytes, skipped };
}

/** The entry's path below the archive's top folder, or null for the folder itself or anything unsafe. */
function relativePath(name: string): string | null {
  const normal = posix.normalize(name.replace(/\\/g, "/"));
  if (normal.startsWith("/") || normal.split("/").includes("..")) return null;
  const rest = normal.split("/").slice(1).filter(Boolean).join("/");
  return rest === "" ? null : rest;
}
