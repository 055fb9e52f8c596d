import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { PREPARED, preparedStatementName } from "@/lib/db/prepared-statements";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { useTestDatabase } from "@/test/support/test-database";

let database: Awaited<ReturnType<typeof useTestDatabase>>;
before(async () => {
  database = await useTestDatabase();
});
after(() => database.drop());

test("[DB] a marked statement is prepared under a name of its text; Prisma's own and unmarked ones are not", () => {
  const marked = Prisma.sql`SELECT ${PREPARED} s."id" FROM "Service" s WHERE s."slug" = ${"a"}`;
  const name = preparedStatementName({ sql: marked.text });
  assert.match(name, /^dozen_[0-9a-f]{24}$/);
  assert.equal(preparedStatementName({ sql: marked.text }), name, "the same text, the same name");
  const other = Prisma.sql`SELECT ${PREPARED} s."name" FROM "Service" s WHERE s."slug" = ${"a"}`;
  assert.notEqual(preparedStatementName({ sql: other.text }), name);
  assert.equal(preparedStatementName({ sql: 'SELECT "id" FROM "Service" WHERE "slug" = $1' }), "");
});

test("[DB] a marked statement is prepared once per connection and answers each run with its own values", async () => {
  // One connection (a transaction), ten runs: parsed once, planned generically by PostgreSQL from the sixth
  // run on if it finds that cheaper; every answer is still the run's own.
  const prepared = await db().$transaction(async (tx) => {
    for (let n = 1; n <= 10; n += 1) {
      const rows = await tx.$queryRaw<{ n: number; label: string }[]>`SELECT ${PREPARED} ${n}::int AS "n", ${`run ${n}`}::text AS "label"`;
      assert.deepEqual(rows, [{ n, label: `run ${n}` }]);
    }
    return tx.$queryRaw<{ name: string }[]>`SELECT "name" FROM pg_prepared_statements`;
  });
  assert.equal(prepared.length, 1, "one statement kept on the connection");
  assert.match(prepared[0]!.name, /^dozen_[0-9a-f]{24}$/);
});
