import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { mkdtemp, readdir, rm, writeFile, mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { env } from "@/lib/env";
import { ROOT } from "@/lib/ops/bin-path";
import { runPrismaCli } from "@/test/support/run-prisma-cli";

// `prisma migrate dev` through the bridge, in a scratch project (so no migration lands in the repo): each
// case is one of the pitfalls README.md lists. prisma/migrations.test.ts covers deploy, diff and status.

const BRIDGE = path.join(ROOT, "scripts/schema-engine/schema-engine.mjs");
const run = randomBytes(4).toString("hex");
const databases = [`dozen_se_${run}_a`, `dozen_se_${run}_b`];
let adminUrl = "";
let project = "";

const urlFor = (database: string) => Object.assign(new URL(adminUrl), { pathname: `/${database}` }).toString();

async function sql<T extends pg.QueryResultRow>(url: string, text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text)).rows;
  } finally {
    await client.end();
  }
}

/** Writes the scratch project's schema and a config that targets `database`. */
async function writeProject(opts: { database: string; models: string }): Promise<void> {
  await writeFile(
    path.join(project, "prisma.config.ts"),
    `export default ${JSON.stringify({
      schema: "schema.prisma",
      migrations: { path: "migrations" },
      datasource: { url: urlFor(opts.database) },
    })};\n`,
  );
  await writeFile(path.join(project, "schema.prisma"), `datasource db {\n  provider = "postgresql"\n}\n${opts.models}`);
}

function prisma(...args: string[]): Promise<{ code: number; out: string }> {
  return runPrismaCli({ args, cwd: project, env: { PRISMA_SCHEMA_ENGINE_BINARY: BRIDGE } });
}

const migrations = async () => (await readdir(path.join(project, "migrations"))).filter((f) => f !== "migration_lock.toml").sort();

const ITEM = `model Item {\n  id   Int    @id @default(autoincrement())\n  name String\n}\n`;
const ITEM_WITH_NOTE = ITEM.replace("  name String\n", "  name String\n  note String?\n");

before(async () => {
  const url = env().TEST_DATABASE_URL;
  assert.ok(url, "TEST_DATABASE_URL must point at a PostgreSQL server (npm test sets it)");
  adminUrl = url;
  project = await mkdtemp(path.join(tmpdir(), "dozen-schema-engine-"));
});

after(async () => {
  if (project) await rm(project, { recursive: true, force: true });
  if (!adminUrl) return;
  for (const db of databases.flatMap((d) => [d, `${d}_shadow`])) {
    await sql(adminUrl, `DROP DATABASE IF EXISTS "${db}" WITH (FORCE)`);
  }
});

test("[SCHEMA ENGINE] migrate dev creates the database and a first migration", async () => {
  await writeProject({ database: databases[0]!, models: ITEM });
  const dev = await prisma("migrate", "dev", "--name", "one");
  assert.equal(dev.code, 0, dev.out);
  assert.match((await migrations()).join(), /_one$/);
});

test("[SCHEMA ENGINE] migrate dev replays history in its own shadow database and adds a migration", async () => {
  // Data in the main database must survive: the shadow reset may never reach it (adapter-pg's own shadow
  // connection would). Describing NOT NULL constraints needs the "char" column fix on PostgreSQL 18.
  await sql(urlFor(databases[0]!), `INSERT INTO "Item" (name) VALUES ('kept')`);
  await writeProject({ database: databases[0]!, models: ITEM_WITH_NOTE });
  const dev = await prisma("migrate", "dev", "--name", "two");
  assert.equal(dev.code, 0, dev.out);
  assert.equal((await migrations()).length, 2);
  assert.deepEqual(await sql(urlFor(databases[0]!), `SELECT name, note FROM "Item"`), [{ name: "kept", note: null }]);
  const shadow = await sql<{ n: string }>(urlFor(`${databases[0]}_shadow`), `SELECT count(*)::text AS n FROM "Item"`);
  assert.deepEqual(shadow, [{ n: "0" }]);
});

test("[SCHEMA ENGINE] migrate dev applies pending migrations, then finds nothing to create", async () => {
  await writeProject({ database: databases[1]!, models: ITEM_WITH_NOTE });
  const dev = await prisma("migrate", "dev");
  assert.equal(dev.code, 0, dev.out);
  assert.match(dev.out, /in sync/);
  assert.equal((await migrations()).length, 2);
});

test("[SCHEMA ENGINE] migrate deploy runs a migration script whole (semicolons inside a function body)", async () => {
  const dir = path.join(project, "migrations", "29990101000000_function");
  await mkdir(dir);
  await writeFile(
    path.join(dir, "migration.sql"),
    `CREATE FUNCTION shout(t text) RETURNS text LANGUAGE plpgsql AS $$\nBEGIN\n  RETURN t || ';';\nEND;\n$$;\n`,
  );
  const deploy = await prisma("migrate", "deploy");
  assert.equal(deploy.code, 0, deploy.out);
  assert.deepEqual(await sql(urlFor(databases[1]!), `SELECT shout('a') AS s`), [{ s: "a;" }]);
});
