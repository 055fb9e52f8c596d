import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { db } from "@/lib/db";
import { utcDay } from "@/lib/db/utc-day";
import { FACTORS } from "@/lib/factors/factors";
import { getOverviewPage } from "@/lib/fleet/get-overview-page";
import { getTeamPage } from "@/lib/teams/get-team-page";
import { readHeatmapSearch } from "@/lib/heatmap/read-heatmap-search";
import { useTestDatabase } from "@/test/support/test-database";
import { updateFleetMovers } from "@/lib/rollups/update-fleet-movers";

let database: Awaited<ReturnType<typeof useTestDatabase>>;
before(async () => {
  database = await useTestDatabase();
});
after(() => database.drop());

const day = (ago: number) => new Date(utcDay({ minusDays: ago }));
/** Fifteen factor means, all `base` but the ones named. */
const factors = (base: number, except: Record<string, number> = {}) => FACTORS.map((f) => except[f.id] ?? base);

test("[OVERVIEW] movers name the teams, factors and checks that moved over each window, from the rollups", async () => {
  const team = async (slug: string, scores: [number, number][]) => {
    const { id } = await db().team.create({ data: { slug, name: `Team ${slug}` }, select: { id: true } });
    for (const [ago, score] of scores)
      await db().dailyTeamScore.create({ data: { teamId: id, day: day(ago), score, services: 3, factors: factors(score) } });
  };
  await team("slipping", [
    [40, 80],
    [8, 80],
    [0, 71.5],
  ]);
  await team("climbing", [
    [8, 50],
    [0, 62],
  ]);
  await team("steady", [
    [8, 70],
    [0, 70],
  ]);
  await team("new", [[0, 90]]); // no rollup a week old: nothing to compare
  const fleet = (ago: number, f: number[], checks: Record<string, { passed: number; failed: number }>) =>
    db().dailyFleetScore.create({
      data: { day: day(ago), score: 70, services: 9, factors: f, failing: [], grades: {}, movers: {}, checks },
    });
  await fleet(31, factors(60), { handlesSigterm: { passed: 0, failed: 9 } });
  await fleet(8, factors(60, { config: 80, logs: 40 }), {
    handlesSigterm: { passed: 4, failed: 5 },
    readsPortFromEnv: { passed: 9, failed: 0 },
    logsToStdout: { passed: 6, failed: 3 },
  });
  await fleet(0, factors(60, { config: 70, logs: 55 }), {
    handlesSigterm: { passed: 4, failed: 5 },
    readsPortFromEnv: { passed: 6, failed: 3 },
    logsToStdout: { passed: 9, failed: 0 },
  });

  // As the last scan's rollups leave the fleet row: the teams' moves worked out from their rollups.
  await updateFleetMovers({ day: utcDay() });
  const { movers } = await getOverviewPage({ search: readHeatmapSearch({}) });
  const week = movers.find((w) => w.days === 7)!.breakdown;
  assert.deepEqual(
    week.teams.worse.map((t) => [t.slug, t.from, t.to, t.delta]),
    [["slipping", 80, 71.5, -8.5]],
  );
  assert.deepEqual(
    week.teams.better.map((t) => [t.slug, t.delta]),
    [["climbing", 12]],
    "a team that did not move, or has nothing a week old, is not a mover",
  );
  assert.deepEqual(
    week.factors.worse.map((f) => [f.factor, f.from, f.to, f.delta]),
    [["config", 80, 70, -10]],
  );
  assert.deepEqual(
    week.factors.better.map((f) => [f.factor, f.delta]),
    [["logs", 15]],
  );
  assert.deepEqual(
    week.checks.worse.map((c) => [c.ruleId, c.from, c.to, c.delta]),
    [["readsPortFromEnv", 0, 3, -3]],
    "a check failing in three more services",
  );
  assert.deepEqual(
    week.checks.better.map((c) => [c.ruleId, c.from, c.to]),
    [["logsToStdout", 3, 0]],
  );

  const month = movers.find((w) => w.days === 30)!.breakdown;
  assert.deepEqual(
    month.teams.worse.map((t) => t.slug),
    ["slipping"],
  );
  assert.deepEqual(month.teams.better, [], "only one team has a rollup a month old");
  assert.deepEqual(
    month.checks.better.map((c) => [c.ruleId, c.from, c.to]),
    [["handlesSigterm", 9, 5]],
    "against the fleet rollup of day 31; logsToStdout, unjudged then and failing nowhere now, did not move",
  );
  assert.deepEqual(
    month.checks.worse.map((c) => [c.ruleId, c.from, c.to]),
    [["readsPortFromEnv", 0, 3]],
    "a check nobody was judged by a month ago counts from zero",
  );
});

test("[TEAMS] a team page's factor tiles carry each factor's change over 30 days, none without a rollup that old", async () => {
  const slipping = await getTeamPage({ slug: "slipping" });
  assert.ok(slipping);
  assert.deepEqual(
    new Set(slipping.factors.map((f) => f.change)),
    new Set([-8.5]),
    "80 on day 40 (the last rollup before day 30), 71.5 now",
  );
  const climbing = await getTeamPage({ slug: "climbing" });
  assert.deepEqual(new Set(climbing?.factors.map((f) => f.change)), new Set([null]));
});
