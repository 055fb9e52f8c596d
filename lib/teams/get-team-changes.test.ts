import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { db } from "@/lib/db";
import { utcDay } from "@/lib/db/utc-day";
import { getTeamChanges } from "@/lib/teams/get-team-changes";
import { useTestDatabase } from "@/test/support/test-database";

let database: Awaited<ReturnType<typeof useTestDatabase>>;
before(async () => {
  database = await useTestDatabase();
});
after(() => database.drop());

test("[TEAMS] a team's 30-day change is its latest rollup against the last one on or before the window's start", async () => {
  const team = async (slug: string, days: [number, number | null][]) => {
    const { id } = await db().team.create({ data: { slug, name: slug }, select: { id: true } });
    for (const [ago, score] of days) {
      await db().dailyTeamScore.create({
        data: { teamId: id, day: new Date(utcDay({ minusDays: ago })), score, services: 1, factors: [] },
      });
    }
  };
  await team("steady-gain", [
    [45, 50],
    [30, 60],
    [10, 70],
    [0, 72.25],
  ]);
  await team("older-base", [
    [40, 80],
    [2, 70],
  ]); // nothing on day 30: day 40 stands in
  await team("too-new", [
    [8, 40],
    [0, 90],
  ]); // no rollup that old: nothing to compare
  await team("unscored-now", [
    [31, 50],
    [0, null],
  ]);
  assert.deepEqual(Object.fromEntries(await getTeamChanges({ days: 30 })), { "steady-gain": 12.3, "older-base": -10 });
  assert.deepEqual(Object.fromEntries(await getTeamChanges({ days: 7 })), { "steady-gain": 2.3, "older-base": -10, "too-new": 50 });
});
