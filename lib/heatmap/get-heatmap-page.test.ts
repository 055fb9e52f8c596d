import assert from "node:assert/strict";
import { test } from "node:test";
import { getHeatmapPage, type HeatmapQuery } from "@/lib/heatmap/get-heatmap-page";
import { ownerOf, useScannedFleet } from "@/test/support/use-scanned-fleet";
import { FLEET_SERVICE_COUNT } from "@/test/support/fleet";

const round = (x: number) => Math.round(x * 10) / 10;
const fleet = useScannedFleet();

const base: HeatmapQuery = { sort: "score", dir: "asc", page: 1, pageSize: 5 };
const names = async (q: Partial<HeatmapQuery>) => (await getHeatmapPage({ ...base, ...q })).rows.map((r) => r.name);
const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

test("[OVERVIEW] heatmap pages the fleet worst first, with the total for the pager", async () => {
  const worst = [...fleet.services].sort((a, b) => (a.score ?? 101) - (b.score ?? 101) || byName(a.name, b.name)).map((s) => s.name);
  const first = await getHeatmapPage(base);
  assert.equal(first.total, FLEET_SERVICE_COUNT);
  assert.deepEqual(
    first.rows.map((r) => r.name),
    worst.slice(0, 5),
  );
  assert.deepEqual(await names({ page: 3 }), worst.slice(10, 15));
  assert.deepEqual(
    await names({ sort: "name", dir: "desc", page: 2 }),
    fleet.services
      .map((s) => s.name)
      .sort(byName)
      .reverse()
      .slice(5, 10),
  );
});

test("[OVERVIEW] heatmap cells are the latest factor scores, empty where no check applied", async () => {
  const { rows } = await getHeatmapPage({ ...base, pageSize: 50 });
  for (const s of fleet.services) {
    const row = rows.find((r) => r.path === s.path);
    const expected = Object.fromEntries(s.factors.flatMap((f) => (f.score === null ? [] : [[f.factor, round(f.score)]])));
    assert.deepEqual(row?.factors, expected, s.name);
    assert.equal(row?.source, "demo");
  }
});

test("[OVERVIEW] heatmap filters by team, grade, search and failing factor", async () => {
  const commerce = await getHeatmapPage({ ...base, team: "team-commerce", pageSize: 50 });
  assert.deepEqual(
    commerce.rows.map((r) => r.name).sort(),
    fleet.services
      .filter((s) => ownerOf(s) === "team-commerce")
      .map((s) => s.name)
      .sort(),
  );
  assert.equal(commerce.total, commerce.rows.length);
  assert.deepEqual(
    (await names({ grade: "A", pageSize: 50 })).sort(),
    fleet.services
      .filter((s) => s.grade === "A")
      .map((s) => s.name)
      .sort(),
  );
  assert.deepEqual(
    (await names({ q: "API", pageSize: 50 })).sort(),
    fleet.services
      .filter((s) => s.name.includes("api"))
      .map((s) => s.name)
      .sort(),
  );
  const failsConfig = fleet.services.filter((s) => (s.factors.find((f) => f.factor === "config")?.score ?? 100) < 100);
  const configPage = await getHeatmapPage({ ...base, factor: "config", pageSize: 50 });
  assert.deepEqual(configPage.rows.map((r) => r.name).sort(), failsConfig.map((s) => s.name).sort());
  assert.equal(configPage.total, failsConfig.length);
  assert.equal((await getHeatmapPage({ ...base, factor: "no-such-factor" })).total, 0);
  assert.equal((await getHeatmapPage({ ...base, q: "%" })).total, 0);
});

test("[OVERVIEW] heatmap sorts by a factor, unscored cells last in both directions", async () => {
  for (const dir of ["asc", "desc"] as const) {
    const { rows } = await getHeatmapPage({ ...base, sort: "admin-processes", dir, pageSize: 50 });
    const values = rows.map((r) => r.factors["admin-processes"] ?? null);
    const scored = values.filter((v): v is number => v !== null);
    assert.ok(scored.length > 0 && scored.length < values.length);
    assert.deepEqual(values.slice(0, scored.length), scored);
    assert.deepEqual(
      scored,
      [...scored].sort((a, b) => (dir === "asc" ? a - b : b - a)),
    );
  }
});

test("[OVERVIEW] heatmap rows carry their kind and filter by it; an unknown kind matches nothing", async () => {
  const { rows } = await getHeatmapPage({ ...base, pageSize: 500 });
  for (const s of fleet.services) assert.equal(rows.find((r) => r.path === s.path)?.kind, s.kind, s.name);
  const kinds = [...new Set(fleet.services.map((s) => s.kind))];
  // The demo fleet mixes kinds, so each filter below is a real narrowing, not the whole fleet.
  assert.ok(kinds.length > 1, `the demo fleet has several kinds (${kinds.join(", ")})`);
  for (const kind of kinds) {
    const expected = fleet.services.filter((s) => s.kind === kind).map((s) => s.path);
    const page = await getHeatmapPage({ ...base, kind, pageSize: 500 });
    assert.deepEqual(page.rows.map((r) => r.path).sort(), expected.sort(), kind);
    assert.equal(page.total, expected.length, kind);
  }
  const grpcFailingConfig = fleet.services.filter(
    (s) => s.kind === "grpc" && (s.factors.find((f) => f.factor === "config")?.score ?? 100) < 100,
  );
  assert.equal((await getHeatmapPage({ ...base, kind: "grpc", factor: "config" })).total, grpcFailingConfig.length);
  assert.equal((await getHeatmapPage({ ...base, kind: "lambda" })).total, 0);
});
