import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { fileURLToPath } from "node:url";
import { getFleetHeadline } from "@/lib/fleet/get-fleet-headline";
import { getOverviewPage } from "@/lib/fleet/get-overview-page";
import { utcDay } from "@/lib/db/utc-day";
import type { ServiceScanResult } from "@/lib/pipeline/types";
import { readHeatmapSearch } from "@/lib/heatmap/read-heatmap-search";
import { scanIntoDatabase } from "@/test/support/scan-into-database";
import { useTestDatabase } from "@/test/support/test-database";
import { ownerOf } from "@/test/support/use-scanned-fleet";
import { FLEET_SERVICE_COUNT } from "@/test/support/fleet";

const fleet = fileURLToPath(new URL("../../examples/fleet", import.meta.url));
const round = (x: number) => Math.round(x * 10) / 10;
const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
let database: Awaited<ReturnType<typeof useTestDatabase>>;
let scanned: ServiceScanResult[];

before(async () => {
  database = await useTestDatabase();
});
after(() => database.drop());

test("[OVERVIEW] before any scan the overview is empty, not an error", async () => {
  const page = await getOverviewPage({ search: readHeatmapSearch({}) });
  assert.deepEqual(page.fleet, { services: 0, score: null });
  assert.deepEqual(await getFleetHeadline(), { fleet: { services: 0, score: null }, unowned: 0 });
  assert.deepEqual(page.heatmap, { rows: [], total: 0 });
  assert.deepEqual([page.trend, page.failing, page.worst], [[], [], []]);
  assert.deepEqual(page.grades, { A: 0, B: 0, C: 0, D: 0, F: 0, "N/A": 0 });
  assert.deepEqual(
    page.movers.map((m) => [m.days, m.worse, m.better]),
    [
      [7, [], []],
      [30, [], []],
    ],
  );
});

test("[OVERVIEW] one statement brings the headline, heatmap page, worst services, grades, failing factors, trend and filters", async () => {
  scanned = (await scanIntoDatabase({ root: fleet, name: "demo" })).services;
  const page = await getOverviewPage({ search: readHeatmapSearch({}) });
  const worstFirst = [...scanned].sort((a, b) => (a.score ?? 101) - (b.score ?? 101) || byName(a.name, b.name));
  assert.equal(page.fleet.services, FLEET_SERVICE_COUNT);
  assert.equal(page.heatmap.total, FLEET_SERVICE_COUNT);
  assert.deepEqual(
    page.heatmap.rows.map((r) => r.name),
    worstFirst.map((s) => s.name),
  );
  assert.deepEqual(
    page.worst.map((r) => r.name),
    worstFirst.slice(0, 5).map((s) => s.name),
  );
  assert.ok(
    page.worst.every((r) => !("scannedAt" in r)),
    "rows cross to the browser without their scan time",
  );
  assert.equal(
    Object.values(page.grades).reduce((a, b) => a + b, 0),
    FLEET_SERVICE_COUNT,
  );
  assert.equal(page.grades.F, scanned.filter((s) => s.grade === "F").length);
  assert.ok(page.failing.length > 0 && page.failing.length <= 5);
  const counts = page.failing.map((f) => f.failingServices);
  assert.deepEqual(
    counts,
    [...counts].sort((a, b) => b - a),
    "most failing first",
  );
  assert.deepEqual(
    page.trend.map((p) => [p.day, p.services]),
    [[utcDay(), FLEET_SERVICE_COUNT]],
  );
  assert.equal(page.trend[0]?.score, page.fleet.score);
  const owners = [...new Set(scanned.flatMap((s) => ownerOf(s) ?? []))].sort();
  assert.deepEqual(
    page.options.teams.map((t) => t.slug),
    owners,
  );
  assert.deepEqual(page.options.sources, ["demo"]);
  const mean = scanned.reduce((a, s) => a + (s.score ?? 0), 0) / scanned.length;
  assert.ok(Math.abs((page.fleet.score ?? NaN) - round(mean)) <= 0.1 + 1e-9);
});

test("[OVERVIEW] the headline, read alone so it paints first, says what the overview statement says", async () => {
  const page = await getOverviewPage({ search: readHeatmapSearch({}) });
  const headline = await getFleetHeadline();
  assert.deepEqual(headline.fleet, page.fleet);
  assert.equal(headline.unowned, page.options.unowned);
  assert.equal(headline.unowned, scanned.filter((s) => !ownerOf(s)).length);
});

test("[OVERVIEW] the URL's filters narrow the heatmap page only; the worst services stay fleet-wide", async () => {
  const search = readHeatmapSearch({ team: "team-commerce", sort: "name" });
  const page = await getOverviewPage({ search });
  const commerce = scanned
    .filter((s) => ownerOf(s) === "team-commerce")
    .map((s) => s.name)
    .sort(byName);
  assert.deepEqual(
    page.heatmap.rows.map((r) => r.name),
    commerce,
  );
  assert.equal(page.heatmap.total, commerce.length);
  assert.equal(page.worst.length, 5);
  assert.ok(page.worst.some((r) => !commerce.includes(r.name)));
  assert.equal(page.fleet.services, FLEET_SERVICE_COUNT);
});
