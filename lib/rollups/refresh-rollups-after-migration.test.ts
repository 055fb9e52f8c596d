import assert from "node:assert/strict";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { after, before, test } from "node:test";
import { fileURLToPath } from "node:url";
import { db } from "@/lib/db";
import { applyMigrations } from "@/lib/ops/apply-migrations";
import { createLogger } from "@/lib/log/logger";
import { ROOT } from "@/lib/ops/bin-path";
import { refreshRollupsAfterMigration } from "@/lib/rollups/refresh-rollups-after-migration";
import { getTeamPage } from "@/lib/teams/get-team-page";
import { scanIntoDatabase } from "@/test/support/scan-into-database";
import { useTestDatabase } from "@/test/support/test-database";
import { getMovers } from "@/test/support/read-fragments";

const fleet = fileURLToPath(new URL("../../examples/fleet", import.meta.url));
const log = createLogger({ process: "test" });
let database: Awaited<ReturnType<typeof useTestDatabase>>;
before(async () => {
  database = await useTestDatabase();
});
after(() => database.drop());

test("[MIGRATIONS] applyMigrations says how many migrations it applied: none on an up-to-date database", async () => {
  // The test database is cloned from a migrated template: nothing is pending.
  assert.deepEqual(await applyMigrations({ url: database.url, log }), { applied: 0 });
  await db().$executeRawUnsafe(`DELETE FROM "_prisma_migrations" WHERE "migration_name" LIKE '%_team_fix_first'`);
  await db().$executeRawUnsafe(`ALTER TABLE "DailyTeamScore" DROP COLUMN "fixFirst"`);
  assert.deepEqual(await applyMigrations({ url: database.url, log }), { applied: 1 });
  const onDisk = (await readdir(path.join(ROOT, "prisma/migrations"), { withFileTypes: true })).filter((e) => e.isDirectory());
  assert.equal(
    await db().$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "_prisma_migrations"`.then((r) => r[0]?.n),
    onDisk.length,
  );
});

test("[MIGRATIONS] after an upgrade, today's team fix first and fleet movers (services and teams) are filled from the latest scans, not left empty", async () => {
  await scanIntoDatabase({ root: fleet, name: "demo" });
  const before = await getTeamPage({ slug: "team-commerce" });
  assert.ok(before && before.fixFirst.length > 0);
  const serviceRows = await db().dailyServiceScore.count();
  // What an install scanned before these columns existed holds: their defaults.
  await db().$executeRawUnsafe(`UPDATE "DailyTeamScore" SET "fixFirst" = '[]'`);
  await db().$executeRawUnsafe(`UPDATE "DailyFleetScore" SET "movers" = '{}', "teamMovers" = '{}', "failing" = '{}'`);
  assert.deepEqual((await getTeamPage({ slug: "team-commerce" }))?.fixFirst, []);

  await refreshRollupsAfterMigration({ log });
  assert.deepEqual((await getTeamPage({ slug: "team-commerce" }))?.fixFirst, before.fixFirst);
  const [fleetRow] = await db().$queryRaw<{ failing: number[]; movers: object; teamMovers: object }[]>`
    SELECT "failing", "movers", "teamMovers" FROM "DailyFleetScore"`;
  assert.equal(fleetRow?.failing.length, 15);
  assert.deepEqual(Object.keys(fleetRow?.movers ?? {}).sort(), ["30", "7"]);
  assert.deepEqual(fleetRow?.teamMovers, { "7": [], "30": [] }, "teams' moves worked out: none has a rollup a week old");
  assert.deepEqual(await getMovers({ days: 7, limit: 5, direction: "worse" }), [], "one day of history: nothing moved");
  assert.equal(await db().dailyServiceScore.count(), serviceRows, "no service gets a history point it was not scanned on");
});
