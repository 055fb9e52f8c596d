import { createWriteStream } from "node:fs";
import { mkdir } from "node:fs/promises";
import { dirname, join, posix } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGunzip } from "node:zlib";
import { extract, type Header } from "tar-stream";
import { env } from "@/lib/env";
import { TargetLimitError } from "@/lib/errors";

/** Bounds on one repository's archive, so a huge or hostile repository cannot exhaust the worker. */
export interface TarballLimits {
  /** Compressed bytes downloaded; beyond it the repository fails. */
  maxArchiveBytes: number;
  /** Bytes the archive inflates to (every entry, written or not); beyond it the repository fails (a gzip bomb). */
  maxInflatedBytes: number;
  /** Entries of any kind (files, directories, links); beyond it the repository fails. */
  maxEntries: number;
  /** Directory entries; beyond it the repository fails (a directory bomb). */
  maxDirectories: number;
  /** Regular files; beyond it the repository fails (a data dump, not a service). */
  maxFiles: number;
  /** Wall time of the whole extraction; beyond it the repository fails. */
  timeoutMs: number;
  /** Uncompressed bytes written; later files are left out (listed in `skipped`). */
  maxTotalBytes: number;
  /** Larger files are left out (listed in `skipped`). */
  maxFileBytes: number;
}

/** The limits of this process's environment (README, "Bounds"): each failing bound names its setting. */
export function tarballLimits(): TarballLimits {
  const e = env();
  return {
    maxArchiveBytes: e.DOZEN_TARBALL_MAX_BYTES,
    maxInflatedBytes: e.DOZEN_TARBALL_MAX_INFLATED_BYTES,
    maxEntries: e.DOZEN_TARBALL_MAX_ENTRIES,
    maxDirectories: e.DOZEN_TARBALL_MAX_DIRECTORIES,
    maxFiles: e.DOZEN_TARBALL_MAX_FILES,
    timeoutMs: e.DOZEN_TARBALL_TIMEOUT_MS,
    maxTotalBytes: 100 * 1024 * 1024,
    maxFileBytes: 512 * 1024,
  };
}

// The setting each failing bound is configured by, so the reason can name it.
const SETTING: Record<Exclude<keyof TarballLimits, "maxTotalBytes" | "maxFileBytes">, string> = {
  maxArchiveBytes: "DOZEN_TARBALL_MAX_BYTES",
  maxInflatedBytes: "DOZEN_TARBALL_MAX_INFLATED_BYTES",
  maxEntries: "DOZEN_TARBALL_MAX_ENTRIES",
  maxDirectories: "DOZEN_TARBALL_MAX_DIRECTORIES",
  maxFiles: "DOZEN_TARBALL_MAX_FILES",
  timeoutMs: "DOZEN_TARBALL_TIMEOUT_MS",
};

function overBound(bound: keyof typeof SETTING, what: string): TargetLimitError {
  return new TargetLimitError(`repository archive ${what} (${SETTING[bound]}): not scanned`, { setting: SETTING[bound] });
}

/**
 * Streams a GitHub tarball (gzip) into `dir`, a fresh temp directory: the `<owner>-<repo>-<sha7>/` prefix is
 * stripped, only regular files and directories are written, symlinks and hard links are never created
 * (listed in `skipped`), and a path that would leave `dir` (absolute, `..`) is refused. A second entry for
 * a path already written (or one whose folder is a file) is skipped, never an error. Files over the size
 * limits are left out; past any other bound (archive or inflated bytes, entries, directories, files, time)
 * the extraction stops with a TargetLimitError naming the bound and its setting: final, never worth a retry.
 */
export async function extractTarball(opts: {
  body: ReadableStream<Uint8Array> | Readable;
  dir: string;
  limits?: Partial<TarballLimits>;
}): Promise<{ files: number; bytes: number; skipped: { path: string; reason: string }[] }> {
  const limits = { ...tarballLimits(), ...opts.limits };
  const source = opts.body instanceof Readable ? opts.body : Readable.fromWeb(opts.body as import("node:stream/web").ReadableStream);
  const skipped: { path: string; reason: string }[] = [];
  const written = new Set<string>();
  const folders = new Set<string>();
  const count = { archive: 0, inflated: 0, entries: 0, directories: 0, files: 0, bytes: 0 };
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
    if (++count.entries > limits.maxEntries) return done(overBound("maxEntries", `has more than ${limits.maxEntries} entries`));
    if (path === null) return skip(null);
    if (header.type === "symlink" || header.type === "link") return skip(`${header.type} (not followed)`);
    if (header.type === "directory") {
      if (++count.directories > limits.maxDirectories)
        return done(overBound("maxDirectories", `has more than ${limits.maxDirectories} directories`));
      // A file already at that path (or above it) keeps it: the folder is skipped, never an error.
      if (written.has(path) || fileAbove(path, written)) return skip("not a directory here (a file has this path)");
      return void mkdir(join(opts.dir, path), { recursive: true }).then(() => (addFolders(path, folders), skip(null)), done);
    }
    if (header.type !== "file" && header.type !== "contiguous-file") return skip(null);
    if (++count.files > limits.maxFiles) return done(overBound("maxFiles", `has more than ${limits.maxFiles} files`));
    // A second entry for one path (tar allows it) or a file where a folder is: the first one stands.
    if (written.has(path)) return skip("duplicate entry (the first one is kept)");
    if (folders.has(path) || fileAbove(path, written)) return skip("not a file here (a folder has this path)");
    const size = header.size ?? 0;
    if (size > limits.maxFileBytes) return skip(`too large (${size} bytes)`);
    if (count.bytes + size > limits.maxTotalBytes) return skip("total size limit reached");
    count.bytes += size;
    written.add(path);
    addFolders(posix.dirname(path), folders);
    const target = join(opts.dir, path);
    mkdir(dirname(target), { recursive: true })
      .then(() => pipeline(stream, createWriteStream(target, { flags: "wx" })))
      .then(() => done(), done);
  });
  const meter = (bound: "maxArchiveBytes" | "maxInflatedBytes", key: "archive" | "inflated", what: string) =>
    async function* (chunks: AsyncIterable<Buffer>) {
      for await (const chunk of chunks) {
        count[key] += chunk.length;
        if (count[key] > limits[bound]) throw overBound(bound, `${what} ${limits[bound]} bytes`);
        yield chunk;
      }
    };
  // A timer of its own (AbortSignal.timeout's does not keep the process alive while a stalled body waits).
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), limits.timeoutMs);
  try {
    await pipeline(
      source,
      meter("maxArchiveBytes", "archive", "is larger than"),
      createGunzip(),
      meter("maxInflatedBytes", "inflated", "inflates to more than"),
      parser,
      { signal: timeout.signal },
    );
  } catch (error) {
    if (timeout.signal.aborted) throw overBound("timeoutMs", `took longer than ${limits.timeoutMs} ms to extract`);
    throw error;
  } finally {
    clearTimeout(timer);
  }
  return { files: count.files, bytes: count.bytes, skipped };
}

/** Records `dir` and every folder above it (`a/b/c` → `a/b/c`, `a/b`, `a`). */
function addFolders(dir: string, folders: Set<string>): void {
  for (let d = dir; d !== "." && d !== "" && !folders.has(d); d = posix.dirname(d)) folders.add(d);
}

/** True when a folder above `path` was written as a file. */
function fileAbove(path: string, written: ReadonlySet<string>): boolean {
  for (let d = posix.dirname(path); d !== "." && d !== ""; d = posix.dirname(d)) if (written.has(d)) return true;
  return false;
}

/** The entry's path below the archive's top folder, or null for the folder itself or anything unsafe. */
function relativePath(name: string): string | null {
  const normal = posix.normalize(name.replace(/\\/g, "/"));
  if (normal.startsWith("/") || normal.split("/").includes("..")) return null;
  const rest = normal.split("/").slice(1).filter(Boolean).join("/");
  return rest === "" ? null : rest;
}
