import { test, before, after } from "node:test";
import { fileURLToPath } from "node:url";
import assert from "node:assert/strict";
import { db } from "@/lib/db";
import { utcDay } from "@/lib/db/utc-day";
import { assignServicesTeam } from "@/lib/persistence/assign-services-team";
import { createOwnershipRule } from "@/lib/persistence/create-ownership-rule";
import { deleteOwnershipRule } from "@/lib/persistence/delete-ownership-rule";
import { createExemption } from "@/lib/persistence/exemptions/create-exemption";
import { setServiceTeam } from "@/lib/persistence/set-service-team";
import { findRule } from "@/lib/rules/registry";
import { getFleetScore, getTeamTrend } from "@/test/support/read-fragments";
import { scanIntoDatabase } from "@/test/support/scan-into-database";
import { useTestDatabase } from "@/test/support/test-database";

const fleet = fileURLToPath(new URL("../../../examples/fleet", import.meta.url));
const audit = { actor: { kind: "local" as const, id: "local", name: "local user" }, origin: null };
const admin = { kind: "local" as const, id: "local", name: "local user", role: "admin" as const };

let database: Awaited<ReturnType<typeof useTestDatabase>>;
let checkId = "";
let exempted = { score: 0, check: "" };
let counted = { score: 0, check: "" };

// legacy-billing is owned through CODEOWNERS (@acme/team-payments) and admin-portal by another group, so a
// rule on the group moves one without the other.
before(async () => {
  database = await useTestDatabase();
  await scanIntoDatabase({ root: fleet, name: "demo", only: ["legacy-billing", "admin-portal"] });
  const row = await db().service.findUniqueOrThrow({
    where: { slug: "legacy-billing" },
    select: { latestScore: true, latestChecks: true, team: { select: { slug: true } } },
  });
  assert.equal(row.team?.slug, "team-payments");
  const checks = row.latestChecks as Record<string, string>;
  // A failing check of a factor that also has a passing one, so exempting it lifts the factor's score.
  const factorOf = (k: string) => findRule(k)?.factor;
  checkId =
    Object.keys(checks).find(
      (k) => checks[k] === "fail" && Object.keys(checks).some((p) => checks[p] === "pass" && factorOf(p) === factorOf(k)),
    ) ?? "";
  assert.ok(checkId, "legacy-billing fails a check of a factor it partly passes");
  counted = { score: row.latestScore ?? NaN, check: "fail" };
  await createExemption({
    input: { scope: "team", team: "team-payments", checkId, kind: "not-applicable", reason: "batch job, no port" },
    principal: admin,
    audit,
    origin: "api",
  });
  exempted = await scoreOf("legacy-billing");
  assert.equal(exempted.check, "exempt", "the team-wide exemption covers the team's service");
  assert.ok(exempted.score > counted.score, "and lifts its score");
  await db().team.create({ data: { slug: "billing", name: "Billing" } });
});
after(() => database.drop());

async function scoreOf(slug: string): Promise<{ score: number; check: string }> {
  const row = await db().service.findUniqueOrThrow({ where: { slug }, select: { latestScore: true, latestChecks: true } });
  return { score: row.latestScore ?? NaN, check: (row.latestChecks as Record<string, string>)[checkId] ?? "" };
}

/** Today's rollups agree with the stored scores: the team's and the fleet's means. */
async function assertRollups(team: string, services: string[]): Promise<void> {
  const scores = await db().service.findMany({ where: { slug: { in: services } }, select: { latestScore: true } });
  const mean = (xs: number[]) => Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 10) / 10;
  const { id } = await db().team.findUniqueOrThrow({ where: { slug: team }, select: { id: true } });
  const today = (await getTeamTrend({ teamId: id, days: 1 })).find((p) => p.day === utcDay());
  assert.equal(today?.score, mean(scores.map((s) => s.latestScore ?? NaN)), `${team}'s rollup for today`);
  const all = await db().service.findMany({ where: { goneAt: null }, select: { latestScore: true } });
  const fleetScore = (await getFleetScore()).score ?? NaN;
  assert.equal(Math.round(fleetScore * 10) / 10, mean(all.map((s) => s.latestScore ?? NaN)), "the fleet's rollup for today");
}

test("moving a service by hand to a team without the exemption counts its finding again at once, and back", async () => {
  await setServiceTeam({ slug: "legacy-billing", team: "Billing", audit });
  assert.deepEqual(await scoreOf("legacy-billing"), counted, "the old team's exemption no longer covers it");
  await assertRollups("billing", ["legacy-billing"]);

  await setServiceTeam({ slug: "legacy-billing", team: "", audit });
  assert.deepEqual(await scoreOf("legacy-billing"), exempted, "back in the exempted team, exempt again");
  await assertRollups("team-payments", ["legacy-billing"]);
});

test("a bulk assignment from the heatmap re-scores the services it moves, and back", async () => {
  await assignServicesTeam({ input: { services: ["legacy-billing", "admin-portal"], team: "billing" }, audit });
  assert.deepEqual(await scoreOf("legacy-billing"), counted);
  await assertRollups("billing", ["legacy-billing", "admin-portal"]);

  await assignServicesTeam({ input: { services: ["legacy-billing", "admin-portal"], team: null }, audit });
  assert.deepEqual(await scoreOf("legacy-billing"), exempted);
  await assertRollups("team-payments", ["legacy-billing"]);
});

test("an ownership rule that moves a service re-scores it, and so does deleting the rule", async () => {
  const { id, moved } = await createOwnershipRule({
    input: { kind: "codeowners", pattern: "@acme/team-payments", team: "billing" },
    audit,
  });
  assert.ok(moved >= 1);
  assert.deepEqual(await scoreOf("legacy-billing"), counted);
  await assertRollups("billing", ["legacy-billing"]);

  await deleteOwnershipRule({ id, audit });
  assert.deepEqual(await scoreOf("legacy-billing"), exempted);
  await assertRollups("team-payments", ["legacy-billing"]);
});
