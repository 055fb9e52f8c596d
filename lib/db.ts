import "server-only";
import path from "node:path";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient, type Prisma } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";
import { embeddedDatabaseUrl } from "@/lib/db/embedded-database-url";
import { readEmbeddedPassword } from "@/lib/db/embedded-data-dir";
import { preparedStatementName } from "@/lib/db/prepared-statements";
import { READ_TYPES, toPgValue } from "@/lib/db/pg-values";

/**
 * The one Prisma client of a process (web, worker or admin command). Prisma 7's Rust-free client talks to
 * PostgreSQL through node-postgres, so no engine binary is needed at run time.
 */

type Holder = { client?: PrismaClient; pool?: pg.Pool; url?: string };
// Survives Next.js dev hot reloads, which re-evaluate modules but keep globalThis.
const holder = ((globalThis as { __dozenDb?: Holder }).__dozenDb ??= {});

/** The database this process uses: DATABASE_URL, or the embedded server `npm start` (or `npm run db`) runs. */
export function databaseUrl(): string {
  const e = env();
  const url = holder.url ?? e.DATABASE_URL;
  if (url) return url;
  const dataDir = path.join(e.DOZEN_DATA_DIR, "pg");
  const password = readEmbeddedPassword({ dataDir });
  if (!password) {
    throw new Error(`DATABASE_URL is unset and no embedded PostgreSQL was set up for ${path.resolve(dataDir)}: run \`npm run db\` first`);
  }
  return embeddedDatabaseUrl({ port: e.DOZEN_EMBEDDED_PG_PORT, password });
}

/** Points this process at another database (tests give each file its own); drops the old client. */
export async function configureDatabase(opts: { url: string }): Promise<void> {
  await disconnectDatabase();
  holder.url = opts.url;
}

/**
 * Interactive transactions (a mutation and its audit event, a scan request) are a few statements, but on a
 * busy 2-core machine Prisma's default 5 s limit was exceeded by starvation alone (P2028 while creating an
 * initiative beside a test run), failing a write that would have succeeded. Longer writes set their own.
 */
const TRANSACTION_OPTIONS = { timeout: 20_000, maxWait: 10_000 };

export function db(): PrismaClient {
  if (!holder.client) {
    const pool = new pg.Pool({ connectionString: databaseUrl(), max: 10 });
    // An idle connection that breaks (PostgreSQL restarted) must not end the process; the next query reports it.
    pool.on("error", () => {});
    holder.pool = pool;
    holder.client = new PrismaClient({
      adapter: new PrismaPg(pool, { statementNameGenerator: preparedStatementName }),
      transactionOptions: TRANSACTION_OPTIONS,
    });
  }
  return holder.client;
}

/**
 * Runs one read statement on the client's pool through node-postgres directly, with the rows `$queryRaw` would
 * give (pg-values.ts). For the dashboard's page readers, one statement each on the most visited pages: Prisma's
 * raw-query path costs about 0.7 ms of CPU per call over node-postgres alone (1.1 against 0.4 ms for the same
 * prepared statement), a third of a service page's data in the web process. Statements marked `PREPARED` are
 * prepared under their name as through Prisma.
 */
export async function readRows<T extends unknown[]>(sql: Prisma.Sql): Promise<T> {
  db();
  const result = await holder.pool!.query({
    name: preparedStatementName({ sql: sql.text }) || undefined,
    text: sql.text,
    values: sql.values.map(toPgValue),
    types: READ_TYPES,
  });
  return result.rows as T;
}

/** Closes the pool; part of graceful shutdown. */
export async function disconnectDatabase(): Promise<void> {
  const { client, pool } = holder;
  holder.client = undefined;
  holder.pool = undefined;
  await client?.$disconnect();
  await pool?.end();
}
