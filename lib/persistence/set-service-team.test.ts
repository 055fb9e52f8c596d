import { test, before, after } from "node:test";
import { fileURLToPath } from "node:url";
import assert from "node:assert/strict";
import { db } from "@/lib/db";
import { setServiceTeam } from "@/lib/persistence/set-service-team";
import { ensureService } from "@/lib/persistence/ensure-service";
import { useTestDatabase } from "@/test/support/test-database";
import { utcDay } from "@/lib/db/utc-day";
import { scanIntoDatabase } from "@/test/support/scan-into-database";
import { getTeamTrend } from "@/test/support/read-fragments";

const fleet = fileURLToPath(new URL("../../examples/fleet", import.meta.url));

let database: Awaited<ReturnType<typeof useTestDatabase>>;
before(async () => {
  database = await useTestDatabase();
});
after(() => database.drop());

test("a team set by hand wins over the repository's owner until it is cleared", async () => {
  const source = await db().source.create({ data: { name: "s", kind: "local", location: "/tmp" }, select: { id: true } });
  const rescan = () =>
    db().$transaction((tx) =>
      ensureService({ tx, sourceId: source.id, name: "api", path: "api", languages: [], owners: ["@acme/team-core"] }),
    );
  const { slug } = await rescan();
  const teamOf = async () =>
    db().service.findUniqueOrThrow({ where: { slug }, select: { ownerSource: true, team: { select: { name: true } } } });
  assert.deepEqual(await teamOf(), { ownerSource: "repository", team: { name: "team-core" } });

  await setServiceTeam({ slug, team: "Platform Guild" });
  await rescan();
  assert.deepEqual(await teamOf(), { ownerSource: "manual", team: { name: "Platform Guild" } });

  await setServiceTeam({ slug, team: "" });
  await rescan();
  assert.deepEqual(await teamOf(), { ownerSource: "repository", team: { name: "team-core" } });
});

test("an unknown service is a clear error", async () => {
  await assert.rejects(setServiceTeam({ slug: "nope", team: "x" }), /no service nope/);
});

test("moving a scanned service by hand refreshes today's rollups of the team it left and the team it joined", async () => {
  const { services } = await scanIntoDatabase({
    root: fleet,
    name: "demo",
    only: ["shop-monorepo/services/cart-api", "shop-monorepo/services/catalog-api"],
  });
  const score = (name: string) => Math.round((services.find((s) => s.name === name)?.score ?? NaN) * 10) / 10;
  const todayOf = async (slug: string) => {
    const team = await db().team.findUniqueOrThrow({ where: { slug }, select: { id: true } });
    return (await getTeamTrend({ teamId: team.id, days: 1 })).find((p) => p.day === utcDay()) ?? null;
  };
  assert.equal((await todayOf("team-commerce"))?.services, 2);

  await setServiceTeam({ slug: "cart-api", team: "Checkout" });
  assert.deepEqual(await todayOf("team-commerce"), { day: utcDay(), score: score("catalog-api"), services: 1 });
  assert.deepEqual(await todayOf("checkout"), { day: utcDay(), score: score("cart-api"), services: 1 });

  // The last service leaving empties the old team's row for today rather than leaving its stale score.
  await setServiceTeam({ slug: "catalog-api", team: "Checkout" });
  assert.deepEqual(await todayOf("team-commerce"), { day: utcDay(), score: null, services: 0 });
  const both = await todayOf("checkout");
  assert.equal(both?.services, 2);
  assert.equal(both?.score, Math.round(((services[0]?.score ?? 0) + (services[1]?.score ?? 0)) * 5) / 10);
});

test("clearing a manual owner puts back the team the latest scan found, at once, rollups included", async () => {
  const before = await db().service.findUniqueOrThrow({
    where: { slug: "cart-api" },
    select: { team: { select: { slug: true } }, ownerSource: true },
  });
  assert.deepEqual(before, { team: { slug: "checkout" }, ownerSource: "manual" }, "moved by hand in the test above");
  assert.deepEqual(await setServiceTeam({ slug: "cart-api", team: "" }), { team: "team-commerce", manual: false });
  const after = await db().service.findUniqueOrThrow({
    where: { slug: "cart-api" },
    select: { team: { select: { slug: true } }, ownerSource: true },
  });
  assert.deepEqual(after, { team: { slug: "team-commerce" }, ownerSource: "catalog-info.yaml" }, "and says where the owner is declared");
  const todayOf = async (slug: string) => {
    const team = await db().team.findUniqueOrThrow({ where: { slug }, select: { id: true } });
    return (await getTeamTrend({ teamId: team.id, days: 1 })).find((p) => p.day === utcDay())?.services;
  };
  assert.equal(await todayOf("team-commerce"), 1);
  assert.equal(await todayOf("checkout"), 1);
});
