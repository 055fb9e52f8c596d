import { test, after } from "node:test";
import assert from "node:assert/strict";
import { GET } from "@/app/api/readyz/route";
import { configureDatabase, disconnectDatabase } from "@/lib/db";
import { databaseUrlFor, useTestDatabase } from "@/test/support/test-database";

after(() => disconnectDatabase());

test("[ERRORS] /api/readyz answers 200 with every migration applied", async () => {
  const database = await useTestDatabase();
  try {
    const response = await GET();
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { ready: true, database: "ok", migrations: "ok", pending: [] });
  } finally {
    await database.drop();
  }
});

test("[ERRORS] /api/readyz says an unreachable database in fixed words, never the database's own message", async () => {
  // A database that does not exist: PostgreSQL's refusal names it (and the user), which an anonymous caller must not read.
  await configureDatabase({ url: databaseUrlFor("no_such_database_for_readyz") });
  const response = await GET();
  assert.equal(response.status, 503);
  const text = await response.text();
  assert.deepEqual(JSON.parse(text), {
    ready: false,
    database: "unreachable",
    migrations: "unknown",
    pending: [],
    error: "the database did not answer",
  });
  assert.doesNotMatch(text, /no_such_database|postgres|does not exist/);
});
