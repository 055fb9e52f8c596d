import { execFileSync } from "node:child_process";
import { chmodSync, chownSync, cpSync, existsSync, mkdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { ROOT } from "@/lib/ops/bin-path";
import type { ImageSpec } from "@/test/deploy/read-image";

/** The image's files laid out in a directory, and what could not be (files outside the working directory). */
export interface AssembledImage {
  /** The image's WORKDIR (`/app`) on this machine. */
  root: string;
  /** Maps an absolute path in the image to this machine's copy. */
  local(imagePath: string): string;
  skipped: string[];
}

/**
 * Lays out the final stage of the Dockerfile in `into`, as `docker build` would, from this checkout's own build
 * (`next build`'s `.next/standalone`, the generated Prisma client): each COPY of the final stage, read from the
 * Dockerfile, copies the same sources to the same places. A build stage's `/app/<path>` is this checkout's
 * `<path>` (they `COPY . .` into /app); the production-dependencies stage's node_modules is this checkout's
 * without the packages package-lock.json marks as dev-only, so what runs can import nothing else. Large trees
 * are hard-linked, not copied. Files outside the working directory (kubectl in /usr/local/bin) are skipped:
 * this machine's own are on the PATH.
 */
export function assembleImage(opts: { image: ImageSpec; into: string }): AssembledImage {
  const { image, into } = opts;
  const local = (imagePath: string) => path.join(into, path.posix.relative(image.workdir, imagePath));
  const skipped: string[] = [];
  chmodSync(into, 0o755);
  for (const copy of image.copies) {
    if (!copy.dest.startsWith(`${image.workdir}/`) && copy.dest !== `${image.workdir}/`) {
      skipped.push(`${copy.keyword} ${copy.sources.join(" ")} ${copy.dest}`);
      continue;
    }
    const toDir = copy.sources.length > 1 || copy.dest.endsWith("/");
    for (const source of copy.sources) {
      const from = copy.from === null ? path.join(ROOT, source) : path.join(ROOT, path.posix.relative(image.workdir, source));
      if (!existsSync(from)) throw new Error(`${copy.keyword} ${source}: ${from} does not exist (run \`next build\` first)`);
      const to = toDir ? path.join(local(copy.dest), path.basename(from)) : local(copy.dest);
      mkdirSync(path.dirname(to), { recursive: true, mode: 0o755 });
      if (copy.from !== null && source === `${image.workdir}/node_modules`) linkProductionModules({ to });
      else if (statSync(from).isDirectory() && /(^|\/)\.next\//.test(path.relative(ROOT, from) + "/")) hardLink({ from, to });
      else cpSync(from, to, { recursive: true, filter: (src) => !pruned(src) });
      if (copy.flags.chmod) chmodSync(to, Number.parseInt(copy.flags.chmod, 8));
    }
  }
  return { root: into, local, skipped };
}

/** The Dockerfile's build stage deletes tests and their fixtures before the image copies its sources. */
function pruned(src: string): boolean {
  const rel = path.relative(ROOT, src);
  return /\.test\.tsx?$/.test(rel) || /^lib\/.*\/fixtures(\/|$)/.test(rel);
}

/** `cp -al`: the same files under a second name, instantly, whatever their size. */
function hardLink(opts: { from: string; to: string }): void {
  if (existsSync(opts.to)) execFileSync("cp", ["-al", `${opts.from}/.`, opts.to]);
  else execFileSync("cp", ["-al", opts.from, opts.to]);
}

/** node_modules as `npm install --omit=dev` lays it out: every top-level package the lockfile does not mark dev. */
function linkProductionModules(opts: { to: string }): void {
  const lock = JSON.parse(readFileSync(path.join(ROOT, "package-lock.json"), "utf8")) as {
    packages: Record<string, { dev?: boolean }>;
  };
  const byParent = new Map<string, string[]>();
  for (const [key, entry] of Object.entries(lock.packages)) {
    const name = key.startsWith("node_modules/") ? key.slice("node_modules/".length) : null;
    // Nested packages come with their parent's folder; other platforms' optional packages are not installed here.
    if (!name || name.includes("/node_modules/") || entry.dev || !existsSync(path.join(ROOT, key))) continue;
    const parent = path.join(opts.to, path.dirname(name));
    byParent.set(parent, [...(byParent.get(parent) ?? []), path.join(ROOT, key)]);
  }
  for (const [parent, packages] of byParent) {
    mkdirSync(parent, { recursive: true, mode: 0o755 });
    execFileSync("cp", ["-al", ...packages, `${parent}/`]);
  }
}

/** Makes a directory of the image writable by its user, as the emptyDir mounted there in Kubernetes is. */
export function mountEmptyDir(opts: { dir: string; uid: number; gid: number }): void {
  mkdirSync(opts.dir, { recursive: true, mode: 0o755 });
  // Only root can give it away; anyone else runs the processes as themselves, who own it already.
  if (process.getuid?.() === 0) chownSync(opts.dir, opts.uid, opts.gid);
}
