import assert from "node:assert/strict";
import { test } from "node:test";
import { db } from "@/lib/db";
import { exportTable } from "@/lib/export/export-table";
import { ownerOf, useScannedFleet } from "@/test/support/use-scanned-fleet";
import { getFleetScore, listHeatmapFilters } from "@/test/support/read-fragments";

const fleet = useScannedFleet();

test("[OVERVIEW] filter choices are the teams owning a live service and every source, by name", async () => {
  await db().team.create({ data: { slug: "empty-team", name: "empty-team" } });
  await db().source.create({ data: { name: "another", kind: "local", location: "/tmp" } });
  const { teams, sources } = await listHeatmapFilters();
  const owners = [...new Set(fleet.services.flatMap((s) => ownerOf(s) ?? []))].sort();
  assert.deepEqual(
    teams.map((t) => t.slug),
    owners,
  );
  assert.deepEqual(sources, ["another", "demo"]);
});

test("[OVERVIEW] the fleet score is the mean latest score over live services", async () => {
  // The stored latest scores, as the pages show them (rounded when written).
  const scores = (await db().service.findMany({ select: { latestScore: true } })).flatMap((s) =>
    s.latestScore === null ? [] : [s.latestScore],
  );
  assert.equal(scores.length, fleet.services.length);
  const fleetScore = await getFleetScore();
  assert.equal(fleetScore.services, fleet.services.length);
  // Rounded to one decimal; the database sums in its own order, so a mean on a .x5 edge may round either way.
  assert.ok(Math.abs((fleetScore.score ?? NaN) - scores.reduce((a, b) => a + b, 0) / scores.length) <= 0.05 + 1e-9);
});

test("[OVERVIEW] the services CSV holds every service the heatmap's filters match, in its sort, not one page", async () => {
  const rows = async (query: string) =>
    (await exportTable({ table: "services", params: new URLSearchParams(query) })).trim().split("\r\n").slice(1);
  assert.equal((await rows("page=3")).length, fleet.services.length);
  const commerce = fleet.services
    .filter((s) => ownerOf(s) === "team-commerce")
    .map((s) => s.name)
    .sort();
  assert.deepEqual(
    (await rows("team=team-commerce&sort=name")).map((l) => l.split(",")[0]),
    commerce,
  );
  const failsLogs = fleet.services
    .filter((s) => (s.factors.find((f) => f.factor === "logs")?.score ?? 100) < 100)
    .map((s) => s.name)
    .sort()
    .reverse();
  assert.deepEqual(
    (await rows("factor=logs&sort=name&dir=desc")).map((l) => l.split(",")[0]),
    failsLogs,
  );
  await assert.rejects(rows("factor=typo"), { name: "ValidationError" });
});
