import { test, before, after } from "node:test";
import { fileURLToPath } from "node:url";
import assert from "node:assert/strict";
import { db } from "@/lib/db";
import { setServiceTeam } from "@/lib/persistence/set-service-team";
import { applyOwnership } from "@/lib/persistence/apply-ownership";
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
  const codeowners = { owners: ["@acme/team-core"], file: "CODEOWNERS", line: 3 };
  const rescan = () =>
    db().$transaction(async (tx) => {
      const service = await ensureService({ tx, sourceId: source.id, name: "api", path: "api", languages: [], ownerFacts: { codeowners } });
      await applyOwnership({ tx, serviceIds: [service.id] });
      return service;
    });
  const { slug } = await rescan();
  const teamOf = async () =>
    db().service.findUniqueOrThrow({ where: { slug }, select: { ownerSource: true, ownerDetail: true, team: { select: { name: true } } } });
  const fromCodeowners = {
    ownerSource: "CODEOWNERS",
    ownerDetail: "from CODEOWNERS line 3 (@acme/team-core)",
    team: { name: "team-core" },
  };
  assert.deepEqual(await teamOf(), fromCodeowners);

  await db().team.create({ data: { slug: "platform-guild", name: "Platform Guild" } });
  const audit = { actor: { kind: "user" as const, id: "u1", name: "alice" }, origin: null };
  await setServiceTeam({ slug, team: "Platform Guild", audit });
  await rescan();
  const manual = await teamOf();
  assert.deepEqual(manual.team, { name: "Platform Guild" });
  assert.equal(manual.ownerSource, "manual");
  assert.match(manual.ownerDetail ?? "", /^set by alice on \d{4}-\d{2}-\d{2}$/, "the service page says who set it and when");

  await setServiceTeam({ slug, team: "" });
  await rescan();
  assert.deepEqual(await teamOf(), fromCodeowners);
});

test("a manual owner must be an existing team: a typo never creates one", async () => {
  const service = await db().service.findFirstOrThrow({ select: { slug: true } });
  await assert.rejects(setServiceTeam({ slug: service.slug, team: "Platfrom Guild" }), /no team "Platfrom Guild": create it first/);
  assert.equal(await db().team.count({ where: { name: "Platfrom Guild" } }), 0);
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

  await db().team.create({ data: { slug: "checkout", name: "Checkout" } });
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
