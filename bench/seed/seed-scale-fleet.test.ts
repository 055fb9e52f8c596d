import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { db } from "@/lib/db";
import { getHeatmapPage } from "@/lib/heatmap/get-heatmap-page";
import { getInitiativePage } from "@/lib/initiatives/get-initiative-page";
import { listInitiatives } from "@/lib/initiatives/list-initiatives";
import { seedScaleFleet } from "@/bench/seed/seed-scale-fleet";
import { utcDay } from "@/lib/db/utc-day";
import { useTestDatabase } from "@/test/support/test-database";
import { getFailingFactors, getFleetTrend, getMovers } from "@/test/support/read-fragments";

let database: Awaited<ReturnType<typeof useTestDatabase>>;
before(async () => {
  database = await useTestDatabase();
});
after(() => database.drop());

// The bench's seed at a size a test can afford: the pages' queries must find the same shape of data as at
// 10,000 services (every service scored with factors, a trend per day, failing counts, movers).
test("the scale seed fills what the overview reads, and is reused when run again", async () => {
  const shape = { services: 120, teams: 4, days: 40, sample: 6 };
  const first = await seedScaleFleet({ shape, log: () => {} });
  assert.equal(first.seeded, true);
  assert.equal(await db().service.count({ where: { source: { name: "scale" }, latestScore: { not: null } } }), 120);
  const exemptions = await db().exemption.count();
  const failingChecks = await db().$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM "Service" s CROSS JOIN LATERAL jsonb_each_text(s."latestChecks") e WHERE e."value" IN ('fail', 'exempt')`;
  assert.ok(
    exemptions > 0 && exemptions <= (failingChecks[0]?.n ?? 0) * 0.1,
    `a few % of ${failingChecks[0]?.n} failing checks exempt: ${exemptions}`,
  );

  const page = await getHeatmapPage({ sort: "score", dir: "asc", page: 1, pageSize: 50 });
  assert.equal(page.total, 120);
  assert.ok(
    page.rows.every((r) => Object.keys(r.factors).length >= 13),
    "every row has its factor cells",
  );
  const scores = page.rows.map((r) => r.score ?? 101);
  assert.deepEqual(
    scores,
    [...scores].sort((a, b) => a - b),
    "worst first",
  );

  const trend = await getFleetTrend({ days: 40 });
  assert.equal(trend.length, 40);
  assert.ok(trend.every((p) => p.services === 120));

  const failing = await getFailingFactors({ limit: 15 });
  assert.ok(failing.length > 0);
  for (const f of failing) {
    const filtered = await getHeatmapPage({ factor: f.factor, sort: "score", dir: "asc", page: 1, pageSize: 1 });
    assert.equal(f.failingServices, filtered.total, `${f.factor}: the fleet's failing count matches the services failing it`);
  }
  const worse = await getMovers({ days: 30, limit: 5, direction: "worse" });
  assert.equal(worse.length, 5, "a month of drift makes movers");
  const deltas = worse.map((m) => m.delta);
  assert.deepEqual(
    deltas,
    [...deltas].sort((a, b) => a - b),
    "worst move first",
  );
  for (const m of worse) {
    assert.ok(m.delta < 0);
    const service = await db().service.findUniqueOrThrow({ where: { slug: m.slug }, select: { id: true, latestScore: true } });
    assert.equal(m.to, service.latestScore);
    const [then] = await db().$queryRaw<{ score: number }[]>`
      SELECT "score" FROM "DailyServiceScore" WHERE "serviceId" = ${service.id} AND "day" = ${utcDay({ minusDays: 30 })}::date`;
    assert.equal(m.from, then?.score, `${m.slug} is compared with its score 30 days ago`);
  }

  // Initiatives, each with its history and today's progress judged over the fleet.
  const initiatives = await listInitiatives();
  assert.equal(initiatives.length, 5);
  for (const i of initiatives) assert.equal(i.history.at(-1)?.day, utcDay(), `${i.slug} has today's progress`);
  const shutdown = await getInitiativePage({ slug: "scale-graceful-shutdown" });
  assert.ok(shutdown && shutdown.history.length >= 40 && shutdown.teams.length === 4, "history since its start, per team");

  assert.equal((await seedScaleFleet({ shape, log: () => {} })).seeded, false);
});
