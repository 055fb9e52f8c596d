import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

/** File inside a data directory holding its superuser's password (0600, owned by the server's user). */
export const PASSWORD_FILE = "dozen-password";

/**
 * Where root's embedded PostgreSQL lives when the `postgres` user it runs as cannot enter the project (a clone
 * under /root, or any 0700 directory): a directory of its own per project, root's, that user can traverse.
 */
export const SHARED_EMBEDDED_ROOT = "/var/lib/dozen";

/**
 * The two places the embedded data directory `dataDir` (e.g. `.dozen/pg`) can live: in the project, or, for
 * root, the per-project directory below SHARED_EMBEDDED_ROOT (named after the project and a hash of the path,
 * so two clones never share a database).
 */
export function embeddedDataDirs(opts: { dataDir: string }): { inProject: string; shared: string } {
  const inProject = path.resolve(opts.dataDir);
  const hash = createHash("sha256").update(inProject).digest("hex").slice(0, 10);
  const project = inProject
    .split(path.sep)
    .slice(0, -1)
    .filter((part) => part && !part.startsWith("."))
    .at(-1);
  const name = `${(project ?? "dozen").replace(/[^A-Za-z0-9_.-]/g, "_")}-${hash}`;
  return { inProject, shared: path.join(SHARED_EMBEDDED_ROOT, name, path.basename(inProject)) };
}

/**
 * The superuser password of the embedded server whose data directory is `dataDir` (in the project or moved
 * for root, see embeddedDataDirs), or undefined when that server was never initialised.
 */
export function readEmbeddedPassword(opts: { dataDir: string }): string | undefined {
  const { inProject, shared } = embeddedDataDirs(opts);
  for (const dir of [inProject, shared]) {
    const file = path.join(dir, PASSWORD_FILE);
    if (existsSync(file)) return readFileSync(file, "utf8").trim();
  }
  return undefined;
}
