import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chown, mkdir, rename, rm, writeFile, chmod } from "node:fs/promises";
import path from "node:path";
import { EMBEDDED_USER } from "@/lib/db/embedded-database-url";
import { PASSWORD_FILE } from "@/lib/db/embedded-data-dir";
import type { RunAs } from "@/lib/ops/resolve-postgres-user";

/** A new superuser password: 32 random bytes, URL-safe so it needs no escaping anywhere. */
export function newEmbeddedPassword(): string {
  return randomBytes(32).toString("base64url");
}

/** Writes `password` as the data directory's password file: 0600, owned by the server's user. */
export async function writeEmbeddedPassword(opts: { dataDir: string; password: string; runAs?: RunAs }): Promise<void> {
  const file = path.join(opts.dataDir, PASSWORD_FILE);
  await writeFile(file, `${opts.password}\n`, { mode: 0o600, flag: "w" });
  await chmod(file, 0o600);
  if (opts.runAs) await chown(file, opts.runAs.uid, opts.runAs.gid);
}

/**
 * Creates a PostgreSQL cluster in `dataDir` with a random superuser password kept inside it. initdb works
 * in a sibling directory that is renamed into place with its password file, so an interrupted first start
 * never leaves a cluster whose password nobody knows.
 */
export async function initEmbeddedCluster(opts: {
  initdb: string;
  dataDir: string;
  runAs?: RunAs;
  onLog?: (line: string) => void;
}): Promise<void> {
  const staging = `${opts.dataDir}.initialising`;
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging, { mode: 0o700 });
  if (opts.runAs) await chown(staging, opts.runAs.uid, opts.runAs.gid);
  const password = newEmbeddedPassword();
  // initdb reads the password from a file; it lives in the (private) staging directory's sibling until
  // initdb is done, because initdb wants an empty directory.
  const pwfile = `${staging}.pw`;
  await writeFile(pwfile, `${password}\n`, { mode: 0o600 });
  if (opts.runAs) await chown(pwfile, opts.runAs.uid, opts.runAs.gid);
  try {
    await runInitdb({
      ...opts,
      args: [
        `--pgdata=${staging}`,
        `--username=${EMBEDDED_USER}`,
        `--pwfile=${pwfile}`,
        "--auth=scram-sha-256",
        "--encoding=UTF8",
        "--lc-messages=C",
      ],
    });
  } finally {
    await rm(pwfile, { force: true });
  }
  await writeEmbeddedPassword({ dataDir: staging, password, runAs: opts.runAs });
  await rename(staging, opts.dataDir);
}

function runInitdb(opts: { initdb: string; args: string[]; runAs?: RunAs; onLog?: (line: string) => void }): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(opts.initdb, opts.args, { ...opts.runAs, env: { ...process.env, LC_MESSAGES: "C" } });
    let errors = "";
    child.stdout.on("data", (d: Buffer) => opts.onLog?.(d.toString("utf8").trim()));
    child.stderr.on("data", (d: Buffer) => {
      errors += d.toString("utf8");
      opts.onLog?.(d.toString("utf8").trim());
    });
    child.once("error", reject);
    child.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`initdb failed (code ${code}): ${errors.trim()}`))));
  });
}
