import assert from "node:assert/strict";
import { cp, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import { fileURLToPath } from "node:url";
import { db } from "@/lib/db";
import { FACTORS } from "@/lib/factors/factors";
import { utcDay } from "@/lib/db/utc-day";
import type { ServiceScanResult } from "@/lib/pipeline/types";
import { scanIntoDatabase } from "@/test/support/scan-into-database";
import { useTestDatabase } from "@/test/support/test-database";
import { FLEET_SERVICE_COUNT } from "@/test/support/fleet";
import {
  getFailingFactors,
  getFleetTrend,
  getGradeDistribution,
  getMovers,
  getServiceTrend,
  getTeamTrend,
} from "@/test/support/read-fragments";

const fleet = fileURLToPath(new URL("../../examples/fleet", import.meta.url));
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const round = (x: number) => Math.round(x * 10) / 10;
let database: Awaited<ReturnType<typeof useTestDatabase>>;
let copy: string;
let first: ServiceScanResult[];

before(async () => {
  database = await useTestDatabase();
  // A copy, so the second day can change a service the way a commit would.
  copy = await mkdtemp(path.join(tmpdir(), "dozen-rollups-"));
  await cp(fleet, copy, { recursive: true });
  first = (await scanIntoDatabase({ root: copy, name: "fleet" })).services;
});

after(async () => {
  await rm(copy, { recursive: true, force: true });
  await database.drop();
});

/** Moves every rollup and every scan `days` back, as if the first scan had run that long ago. */
async function ageRollups(days: number) {
  for (const table of ["DailyServiceScore", "DailyTeamScore", "DailyFleetScore"]) {
    await db().$executeRawUnsafe(`UPDATE "${table}" SET "day" = "day" - ${days}`);
  }
  await db().$executeRawUnsafe(`UPDATE "ScanTarget" SET "createdAt" = "createdAt" - interval '${days} days'`);
}

test("a finished scan writes today's service, team and fleet rollups that the trends read", async () => {
  const today = utcDay();
  const scores = first.flatMap((s) => (s.score === null ? [] : [s.score]));
  assert.deepEqual(await getFleetTrend({ days: 30 }), [{ day: today, score: round(mean(scores)), services: FLEET_SERVICE_COUNT }]);

  const commerce = await db().team.findUniqueOrThrow({ where: { slug: "team-commerce" }, select: { id: true } });
  const commerceScores = first.filter((s) => s.facts.service.owners[0] === "team-commerce").map((s) => s.score ?? 0);
  assert.deepEqual(await getTeamTrend({ teamId: commerce.id, days: 7 }), [
    { day: today, score: round(mean(commerceScores)), services: commerceScores.length },
  ]);

  const billing = await db().service.findUniqueOrThrow({ where: { slug: "legacy-billing" }, select: { id: true } });
  const scanned = first.find((s) => s.name === "legacy-billing");
  assert.deepEqual(await getServiceTrend({ serviceId: billing.id, days: 7 }), [{ day: today, score: round(scanned?.score ?? 0) }]);
  const row = await db().dailyServiceScore.findFirstOrThrow({ where: { serviceId: billing.id } });
  assert.deepEqual(
    row.factors,
    FACTORS.map((f) => scanned?.factors.find((x) => x.factor === f.id)?.score ?? null),
  );
});

test("grade distribution counts the fleet's and a team's latest grades", async () => {
  const count = (services: ServiceScanResult[]) => {
    const counts = { A: 0, B: 0, C: 0, D: 0, F: 0, "N/A": 0 };
    for (const s of services) counts[s.grade] += 1;
    return counts;
  };
  assert.deepEqual(await getGradeDistribution(), count(first));
  const commerce = first.filter((s) => s.facts.service.owners[0] === "team-commerce");
  assert.equal(commerce.length, 4);
  assert.deepEqual(await getGradeDistribution({ teamSlug: "team-commerce" }), count(commerce));
});

test("failing factors rank what most services fail, with the mean score", async () => {
  const failing = await getFailingFactors({ limit: 3 });
  const expected = FACTORS.map((f) => {
    const scores = first.flatMap((s) => s.factors.filter((x) => x.factor === f.id && x.score !== null).map((x) => x.score ?? 0));
    return { factor: f.id, failingServices: scores.filter((x) => x < 100).length, meanScore: round(mean(scores)) };
  }).sort((a, b) => b.failingServices - a.failingServices || a.meanScore - b.meanScore);
  assert.deepEqual(failing, expected.slice(0, 3));
  assert.ok((failing[0]?.failingServices ?? 0) > (failing[2]?.failingServices ?? 0) || failing[0]?.meanScore !== failing[2]?.meanScore);
});

test("a later day's scan of one service updates only its rows, carries the rest forward, and shows it as a mover", async () => {
  await ageRollups(8);
  // payments-api commits a production env file: config now fails.
  await writeFile(path.join(copy, "payments-api", ".env.production"), "DATABASE_URL=postgres://app:s3cret-pass@db:5432/pay\n");
  const second = await scanIntoDatabase({ root: copy, name: "fleet", only: ["payments-api"] });
  assert.equal(second.status, "succeeded");
  const before = first.find((s) => s.name === "payments-api")?.score ?? 0;
  const after = second.services[0]?.score ?? 100;
  assert.ok(after < before, `payments-api went from ${before} to ${after}`);

  assert.equal(await db().dailyServiceScore.count({ where: { day: new Date(utcDay()) } }), 1);
  const teamRowsToday = await db().dailyTeamScore.findMany({
    where: { day: new Date(utcDay()) },
    select: { team: { select: { slug: true } } },
  });
  assert.deepEqual(
    teamRowsToday.map((r) => r.team.slug),
    ["team-payments"],
  );

  const trend = await getFleetTrend({ days: 30 });
  assert.deepEqual(
    trend.map((p) => [p.day, p.services]),
    [
      [utcDay({ minusDays: 8 }), FLEET_SERVICE_COUNT],
      [utcDay(), FLEET_SERVICE_COUNT],
    ],
  );
  const latest = await db().service.findMany({ select: { latestScore: true } });
  assert.equal(trend[1]?.score, round(mean(latest.map((s) => s.latestScore ?? 0))));

  const failing = (s?: ServiceScanResult) => new Set(s?.findings.filter((f) => f.outcome === "fail").map((f) => f.ruleId));
  const then = failing(first.find((s) => s.name === "payments-api"));
  const startedFailing = [...failing(second.services[0])].filter((r) => !then.has(r)).sort();
  const worse = await getMovers({ days: 7, limit: 5, direction: "worse" });
  assert.deepEqual(worse, [
    {
      slug: "payments-api",
      name: "payments-api",
      team: "team-payments",
      from: round(before),
      to: round(after),
      delta: round(after - before),
      // What the mover says changed: the checks its new scan fails that the one a week ago passed.
      changes: { fromCommit: null, toCommit: null, started: startedFailing, fixed: [] },
    },
  ]);
  assert.ok(startedFailing.length > 0, "the committed env file fails a check");
  assert.deepEqual(await getMovers({ days: 7, limit: 5, direction: "better" }), []);
  // Eight days ago is inside a 30-day window too; nothing moved before the first scan.
  assert.equal((await getMovers({ days: 30, limit: 5, direction: "worse" })).length, 0);
});

test("a rollup failure is logged and never fails the scan", async () => {
  await db().$executeRawUnsafe(`ALTER TABLE "DailyFleetScore" RENAME TO "DailyFleetScoreAway"`);
  try {
    const scan = await scanIntoDatabase({ root: copy, name: "fleet", only: ["notifications"] });
    assert.equal(scan.status, "succeeded");
    const service = await db().service.findUniqueOrThrow({ where: { slug: "notifications" }, select: { latestScanAt: true } });
    assert.ok(service.latestScanAt);
  } finally {
    await db().$executeRawUnsafe(`ALTER TABLE "DailyFleetScoreAway" RENAME TO "DailyFleetScore"`);
  }
});
