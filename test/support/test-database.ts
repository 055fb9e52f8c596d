import { createHash, randomBytes } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { env } from "@/lib/env";
import { configureDatabase, disconnectDatabase } from "@/lib/db";
import { applyMigrations } from "@/lib/ops/apply-migrations";
import { createLogger } from "@/lib/log/logger";
import { ROOT } from "@/lib/ops/bin-path";

const MIGRATIONS = path.join(ROOT, "prisma", "migrations");

// Named after the migrations it holds: a server that outlives a run (TEST_DATABASE_URL) gets a new template
// when a migration is added or changed, instead of cloning a stale one.
const TEMPLATE = `dozen_template_${createHash("sha256")
  .update(
    readdirSync(MIGRATIONS)
      .filter((d) => existsSync(path.join(MIGRATIONS, d, "migration.sql")))
      .sort()
      .map((d) => `${d}\n${readFileSync(path.join(MIGRATIONS, d, "migration.sql"), "utf8")}`)
      .join("\n"),
  )
  .digest("hex")
  .slice(0, 12)}`;

/** Admin URL of the test server: TEST_DATABASE_URL (scripts/test.ts starts an embedded one by default). */
export function testServerUrl(): string {
  const url = env().TEST_DATABASE_URL;
  if (!url) throw new Error("TEST_DATABASE_URL is not set: run tests through `npm test`, or point it at a PostgreSQL server");
  return url;
}

/** URL of another database on the same server. */
export function databaseUrlFor(name: string): string {
  const url = new URL(testServerUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrlFor("postgres") });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Runs one statement as the test server's admin (`create database …`, `drop database …`). */
export async function adminQuery(sql: string): Promise<void> {
  await withAdmin((client) => client.query(sql));
}

/**
 * The migrated template every test database is cloned from, created once per server under an advisory
 * lock (test files run in parallel). Cloning takes milliseconds where migrating takes seconds.
 */
async function ensureTemplate(): Promise<void> {
  await withAdmin(async (admin) => {
    await admin.query("select pg_advisory_lock(424242)");
    try {
      const found = await admin.query("select 1 from pg_database where datname = $1", [TEMPLATE]);
      if (found.rowCount) return;
      const building = `${TEMPLATE}_building`;
      await admin.query(`drop database if exists ${building}`);
      await admin.query(`create database ${building}`);
      await applyMigrations({ url: databaseUrlFor(building), log: createLogger({ process: "test-template" }) });
      await admin.query(`alter database ${building} rename to ${TEMPLATE}`);
    } finally {
      await admin.query("select pg_advisory_unlock(424242)");
    }
  });
}

/**
 * A fresh, migrated database for one test file, made the process's database (lib/db). Drop it in an
 * `after` hook with `drop()`.
 */
export async function useTestDatabase(): Promise<{ url: string; name: string; drop(): Promise<void> }> {
  await ensureTemplate();
  const name = `t_${randomBytes(6).toString("hex")}`;
  await withAdmin((admin) => admin.query(`create database ${name} template ${TEMPLATE}`));
  const url = databaseUrlFor(name);
  await configureDatabase({ url });
  return {
    url,
    name,
    drop: async () => {
      await disconnectDatabase();
      await withAdmin((admin) => admin.query(`drop database if exists ${name} with (force)`));
    },
  };
}
