import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { PREPARED } from "@/lib/db/prepared-statements";
import { Prisma } from "@/lib/generated/prisma/client";
import { db, readRows } from "@/lib/db";
import { useTestDatabase } from "@/test/support/test-database";

// A zone far from UTC: node-postgres would read a `timestamp` column in it, Prisma (and Dozen's writes) in UTC.
process.env.TZ = "America/Los_Angeles";

let database: Awaited<ReturnType<typeof useTestDatabase>>;
before(async () => {
  database = await useTestDatabase();
});
after(() => database.drop());

test("[DB] readRows gives the rows $queryRaw gives for the same statement, whatever the process's time zone", async () => {
  const at = new Date("2026-03-08T09:30:15.250Z"); // a daylight-saving change in the process's zone
  const statement = Prisma.sql`
    SELECT ${PREPARED} ${at}::timestamp(3) AS "timestamp", ${at}::timestamptz AS "timestamptz", ${at}::date AS "date",
      ${"2026-12-31"}::date AS "dateLiteral", 9007199254740993::int8 AS "int8", count(*) AS "count", 12.50::numeric AS "numeric",
      ${7}::int AS "int", 0.25::float8 AS "float", true AS "bool", NULL::int AS "none", ${"it's"}::text AS "text",
      ARRAY['go', 'ts']::text[] AS "languages", ARRAY[1, 2]::int[] AS "ints",
      json_build_object('at', ${at}::timestamp(3), 'n', 1) AS "json", '{"b": [true, null]}'::jsonb AS "jsonb"
    FROM (VALUES (1), (2)) v(x)`;
  const viaPrisma = await db().$queryRaw<Record<string, unknown>[]>(statement);
  const direct = await readRows<Record<string, unknown>[]>(statement);
  assert.deepEqual(direct, viaPrisma);
  const [row] = direct;
  assert.equal((row!.timestamp as Date).toISOString(), at.toISOString(), "a timestamp without zone is UTC");
  assert.equal((row!.date as Date).toISOString(), "2026-03-08T00:00:00.000Z");
  assert.equal(row!.int8, 9007199254740993n);
  assert.equal(String(row!.numeric), "12.5");
  assert.deepEqual(row!.json, { at: "2026-03-08T09:30:15.25", n: 1 });
});

test("[DB] a marked statement read directly is kept prepared under the same name as through Prisma", async () => {
  const prepared = await db().$transaction(async (tx) => {
    await tx.$queryRaw`SELECT ${PREPARED} ${1}::int AS "n"`;
    return tx.$queryRaw<{ name: string }[]>`SELECT "name" FROM pg_prepared_statements`;
  });
  for (let n = 1; n <= 3; n += 1) {
    assert.deepEqual(await readRows(Prisma.sql`SELECT ${PREPARED} ${n}::int AS "n"`), [{ n }]);
  }
  const names = await readRows<{ name: string }[]>(Prisma.sql`SELECT "name" FROM pg_prepared_statements`);
  assert.ok(
    names.some((row) => row.name === prepared[0]!.name),
    "the name Prisma gave it",
  );
});
