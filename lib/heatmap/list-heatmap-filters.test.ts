import assert from "node:assert/strict";
import { test } from "node:test";
import { db } from "@/lib/db";
import { SERVICE_KIND_LABEL, SERVICE_KIND_NAMES } from "@/lib/facts/service-kinds";
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

test("[OVERVIEW] the kind filter offers the kinds of live services only, in the catalogue's order, labelled", async () => {
  const live = new Set<string>(fleet.services.map((s) => s.kind));
  const { kinds } = await listHeatmapFilters();
  assert.deepEqual(
    kinds,
    SERVICE_KIND_NAMES.filter((k) => live.has(k)).map((id) => ({ id, label: SERVICE_KIND_LABEL[id] })),
  );
  // A kind only a gone service has is no choice: filtering by it would show nothing.
  const absent = SERVICE_KIND_NAMES.find((k) => !live.has(k));
  assert.ok(absent, "the demo fleet leaves some kind unused");
  const source = await db().source.create({ data: { name: "retired", kind: "local", location: "/tmp/retired" }, select: { id: true } });
  await db().service.create({
    data: { slug: "retired-svc", name: "retired-svc", sourceId: source.id, path: "retired-svc", kind: absent, goneAt: new Date() },
  });
  assert.ok(!(await listHeatmapFilters()).kinds.some((k) => k.id === absent));
  await db().service.update({ where: { slug: "retired-svc" }, data: { goneAt: null } });
  assert.ok((await listHeatmapFilters()).kinds.some((k) => k.id === absent));
  await db().service.update({ where: { slug: "retired-svc" }, data: { goneAt: new Date() } });
});

test("[OVERVIEW] the services CSV names each service's kind and follows the kind filter", async () => {
  const csv = (await exportTable({ table: "services", params: new URLSearchParams("kind=grpc&sort=name") })).trim().split("\r\n");
  assert.match(csv[0] ?? "", /^service,team,source,path,kind,tier,score,grade,/);
  const grpc = fleet.services
    .filter((s) => s.kind === "grpc")
    .map((s) => s.name)
    .sort();
  assert.ok(grpc.length > 0);
  assert.deepEqual(
    csv
      .slice(1)
      .map((l) => [l.split(",")[0], l.split(",")[4]])
      .sort(),
    grpc.map((name) => [name, "grpc"]),
  );
  await assert.rejects(exportTable({ table: "services", params: new URLSearchParams("kind=lambda") }), { name: "ValidationError" });
});

test("[OVERVIEW] the services CSV names each service's tier and follows the tier filter", async () => {
  const tiered = await db().service.findMany({ where: { tier: { not: null }, goneAt: null }, select: { name: true, tier: true } });
  assert.ok(tiered.length > 0, "the demo fleet declares a tier somewhere (payments-api's catalog-info.yaml)");
  const rows = async (query: string) =>
    (await exportTable({ table: "services", params: new URLSearchParams(query) }))
      .trim()
      .split("\r\n")
      .slice(1)
      .map((l) => l.split(","));
  const tier1 = tiered.filter((s) => s.tier === 1).map((s) => s.name);
  assert.deepEqual(
    (await rows("tier=1&sort=name")).map((r) => [r[0], r[5]]),
    tier1.sort().map((name) => [name, "1"]),
  );
  // Services without a tier have an empty cell, and `tier=none` lists exactly them.
  const none = await rows("tier=none&sort=name");
  assert.equal(none.length, fleet.services.length - tiered.length);
  assert.ok(none.every((r) => r[5] === ""));
});
