import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { readdir } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { env } from "@/lib/env";
import { ROOT } from "@/lib/ops/bin-path";
import { runPrismaCli } from "@/test/support/run-prisma-cli";

// The committed migrations, applied and checked by the official Prisma CLI on a fresh database. On this
// offline project that also exercises the schema-engine bridge (scripts/schema-engine), which relies on
// Prisma internals: this test is what tells us a Prisma upgrade broke it.

const name = `dozen_migrations_${randomBytes(4).toString("hex")}`;
let adminUrl = "";
let dbUrl = "";

function urlFor(database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function sql<T extends pg.QueryResultRow>(url: string, text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text)).rows;
  } finally {
    await client.end();
  }
}

function prisma(...args: string[]): Promise<{ code: number; out: string }> {
  return runPrismaCli({ args, cwd: ROOT, env: { DATABASE_URL: dbUrl } });
}

const noDrift = ["--from-config-datasource", "--to-schema", "prisma/schema.prisma", "--exit-code"];

before(async () => {
  const url = env().TEST_DATABASE_URL;
  assert.ok(url, "TEST_DATABASE_URL must point at a PostgreSQL server (npm test sets it)");
  adminUrl = url;
  dbUrl = urlFor(name);
  await sql(adminUrl, `CREATE DATABASE "${name}"`);
});

after(async () => {
  if (!dbUrl) return;
  await sql(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await sql(adminUrl, `DROP DATABASE IF EXISTS "${name}_shadow" WITH (FORCE)`);
});

test("[MIGRATIONS] migrate deploy applies every committed migration", async () => {
  const deploy = await prisma("migrate", "deploy");
  assert.equal(deploy.code, 0, deploy.out);

  const tables = await sql<{ table_name: string }>(dbUrl, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'");
  const names = tables.map((t) => t.table_name);
  for (const table of ["Source", "Team", "Service", "Scan", "ScanTarget", "Finding", "FactorScore"]) {
    assert.ok(names.includes(table), `table ${table} missing; have ${names.join(", ")}`);
  }

  const onDisk = (await readdir(path.join(ROOT, "prisma/migrations"), { withFileTypes: true }))
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  assert.ok(
    onDisk.some((m) => m.endsWith("_init")),
    `no init migration in ${onDisk.join(", ")}`,
  );
  const applied = await sql<{ migration_name: string }>(
    dbUrl,
    `SELECT migration_name FROM _prisma_migrations
     WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
  );
  assert.deepEqual(
    applied.map((r) => r.migration_name),
    onDisk,
  );
});

test("[MIGRATIONS] the migrated database matches schema.prisma (migrate diff --exit-code)", async () => {
  const diff = await prisma("migrate", "diff", ...noDrift);
  assert.equal(diff.code, 0, diff.out);
  assert.match(diff.out, /No difference detected/);
});

test("[MIGRATIONS] the migrations directory reproduces schema.prisma (replayed in the shadow database)", async () => {
  const diff = await prisma(
    "migrate",
    "diff",
    "--from-migrations",
    "prisma/migrations",
    "--to-schema",
    "prisma/schema.prisma",
    "--exit-code",
  );
  assert.equal(diff.code, 0, `schema.prisma changed without a migration (npx prisma migrate dev):\n${diff.out}`);
});

test("[MIGRATIONS] migrate status says the database is up to date", async () => {
  const status = await prisma("migrate", "status");
  assert.equal(status.code, 0, status.out);
  assert.match(status.out, /Database schema is up to date/);
});

test("[MIGRATIONS] migrate diff reports drift made outside migrations", async () => {
  await sql(dbUrl, `ALTER TABLE "Finding" DROP COLUMN "effort"; CREATE TABLE "Stray" (id int)`);
  const diff = await prisma("migrate", "diff", ...noDrift);
  // --exit-code: 0 no difference, 1 error, 2 difference.
  assert.equal(diff.code, 2, diff.out);
  assert.match(diff.out, /Finding/);
  assert.match(diff.out, /Stray/);
});
