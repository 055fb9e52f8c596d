import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { db } from "@/lib/db";
import { utcDay } from "@/lib/db/utc-day";
import { createInitiative } from "@/lib/initiatives/create-initiative";
import { getInitiativePage } from "@/lib/initiatives/get-initiative-page";
import { listInitiatives } from "@/lib/initiatives/list-initiatives";
import { updateInitiative } from "@/lib/initiatives/update-initiative";
import { setServiceTeam } from "@/lib/persistence/set-service-team";
import { scanIntoDatabase } from "@/test/support/scan-into-database";
import { FLEET_ROOT } from "@/test/support/fleet";
import { ownerOf, useScannedFleet } from "@/test/support/use-scanned-fleet";

const audit = { actor: { kind: "local" as const, id: "local", name: "local user" }, origin: null };
const outcomeOf = (s: { findings: { ruleId: string; outcome: string }[] }, ruleId: string) =>
  s.findings.find((f) => f.ruleId === ruleId)?.outcome;

describe("initiative progress, worked out from a scanned fleet", () => {
  const fleet = useScannedFleet();

  it("counts every service that passes or fails the goal's check, per team, and lists what is left", async () => {
    const judged = fleet.services.filter((s) => ["pass", "fail"].includes(outcomeOf(s, "handlesSigterm") ?? ""));
    const passing = judged.filter((s) => outcomeOf(s, "handlesSigterm") === "pass");
    assert.ok(judged.length > passing.length && passing.length > 0, "the demo fleet has services on both sides");

    const { slug } = await createInitiative({
      input: { name: "Graceful shutdown", owner: "Platform", goal: { kind: "check", checkId: "handlesSigterm" }, deadline: "2027-03-31" },
      audit,
    });
    const [listed] = await listInitiatives();
    assert.equal(listed?.slug, "graceful-shutdown");
    assert.deepEqual([listed?.services, listed?.met], [judged.length, passing.length]);
    assert.equal(listed?.state, "onTrack");

    const page = await getInitiativePage({ slug });
    assert.ok(page);
    assert.deepEqual(
      page.left.map((s) => s.name).sort(),
      judged
        .filter((s) => outcomeOf(s, "handlesSigterm") === "fail")
        .map((s) => s.name)
        .sort(),
    );
    // Listed team by team, each team's services together and by name, unowned ones last.
    const teamsInOrder = page.left.map((s) => s.team).filter((t, i, all) => i === 0 || all[i - 1] !== t);
    assert.equal(new Set(teamsInOrder).size, teamsInOrder.length, "each team's services are listed together");
    assert.ok(teamsInOrder.includes(null) && teamsInOrder.length > 1, "owned and unowned services are both left");
    assert.equal(teamsInOrder.at(-1), null, "unowned services come last");
    for (const team of teamsInOrder) {
      const names: string[] = page.left.filter((s) => s.team === team).map((s) => s.name);
      assert.deepEqual(
        names,
        [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
        `services of ${team ?? "unowned"} by name`,
      );
    }
    // Each team's counts are its own services'.
    for (const team of page.teams) {
      const mine = judged.filter((s) => (ownerOf(s) ?? null) === (team.slug ?? null) || (!ownerOf(s) && team.slug === null));
      assert.equal(team.services, mine.length, `services of ${team.name}`);
      assert.equal(team.met, mine.filter((s) => outcomeOf(s, "handlesSigterm") === "pass").length, `met of ${team.name}`);
    }
    assert.deepEqual(
      page.history.map((h) => h.day),
      [utcDay()],
    );
    const event = await db().auditEvent.findFirst({ where: { action: "initiative.create" }, select: { targetId: true } });
    assert.equal(event?.targetId, slug);
  });

  it("narrows to a team's services, and follows a service that changes team", async () => {
    const team = ownerOf(fleet.services.find((s) => ownerOf(s))!)!;
    const ofTeam = fleet.services.filter((s) => ownerOf(s) === team && s.score !== null);
    const { slug } = await createInitiative({
      input: {
        name: "No service below A",
        owner: team,
        goal: { kind: "grade", min: "A" },
        scope: { teams: [team] },
        startsOn: "2026-01-01",
        deadline: "2026-02-01",
      },
      audit,
    });
    let page = (await getInitiativePage({ slug }))!;
    assert.equal(page.summary.services, ofTeam.length);
    const belowA = ofTeam.filter((s) => s.grade !== "A");
    assert.equal(page.summary.met, ofTeam.length - belowA.length);
    // Past its deadline with services left: late, and the team is named late.
    assert.equal(page.summary.state, "late");
    assert.deepEqual(
      page.late.map((t) => t.slug),
      belowA.length ? [team] : [],
    );

    const leaving = ofTeam[0]!;
    const moved = await db().service.findFirstOrThrow({ where: { name: leaving.name, path: leaving.path }, select: { slug: true } });
    const other = await db().team.findFirstOrThrow({ where: { slug: { not: team } }, select: { name: true } });
    await setServiceTeam({ slug: moved.slug, team: other.name, audit });
    page = (await getInitiativePage({ slug }))!;
    assert.equal(page.summary.services, ofTeam.length - 1, "the service left the team's scope");
  });

  it("says of each team whether its own pace since the start meets the deadline", async () => {
    const { slug } = await createInitiative({
      input: { name: "Paced", owner: "x", goal: { kind: "check", checkId: "handlesSigterm" }, deadline: "2027-06-30" },
      audit,
    });
    const initiative = await db().initiative.findUniqueOrThrow({ where: { slug }, select: { id: true } });
    const [fast, slow] = await db().team.findMany({ orderBy: { slug: "asc" }, take: 2, select: { id: true, slug: true } });
    const day = (minusDays: number) => new Date(`${utcDay({ minusDays })}T00:00:00Z`);
    // Started 60 days ago; today 8 of 10 met for both. `fast` had 0 met then (pace ≈ 0.13 a day: done in time),
    // `slow` had 8 (no pace: 2 left at the deadline). A day between them does not change either pace.
    await db().initiative.update({ where: { id: initiative.id }, data: { startsOn: day(60) } });
    await db().dailyInitiativeProgress.deleteMany({ where: { initiativeId: initiative.id } });
    const counts = (f: number, s: number) => ({ [fast!.id]: [10, f], [slow!.id]: [10, s] });
    await db().dailyInitiativeProgress.createMany({
      data: [
        { initiativeId: initiative.id, day: day(60), services: 20, met: 8, teams: counts(0, 8) },
        { initiativeId: initiative.id, day: day(30), services: 20, met: 4, teams: counts(0, 4) },
        { initiativeId: initiative.id, day: day(0), services: 20, met: 16, teams: counts(8, 8) },
      ],
    });
    const page = (await getInitiativePage({ slug }))!;
    const state = (slug: string) => page.teams.find((t) => t.slug === slug)?.state;
    assert.equal(state(fast!.slug), "onTrack");
    assert.equal(state(slow!.slug), "atRisk");
    assert.deepEqual(
      page.late.map((t) => t.slug),
      [slow!.slug],
    );
    assert.deepEqual(
      page.history.map((h) => h.met),
      [8, 4, 16],
    );
  });

  it("re-judges at once when the goal changes, and stops when closed", async () => {
    const { slug } = await createInitiative({
      input: { name: "Score 0", owner: "x", goal: { kind: "score", min: 0 }, deadline: "2027-01-01" },
      audit,
    });
    const scored = fleet.services.filter((s) => s.score !== null).length;
    assert.equal(
      (await getInitiativePage({ slug }))!.summary.met,
      await db().service.count({ where: { latestScore: { not: null }, goneAt: null } }),
    );
    assert.ok(scored > 0);
    await updateInitiative({ slug, input: { goal: { kind: "score", min: 100.0 } }, audit });
    assert.equal((await getInitiativePage({ slug }))!.summary.met, await db().service.count({ where: { latestScore: 100, goneAt: null } }));
    await updateInitiative({ slug, input: { closed: true }, audit });
    assert.equal(
      (await listInitiatives({ open: true })).some((i) => i.slug === slug),
      false,
    );
    assert.equal((await getInitiativePage({ slug }))!.summary.state, "closed");
  });

  it("a later scan updates today's progress", async () => {
    const { slug } = await createInitiative({
      input: { name: "Rescan", owner: "x", goal: { kind: "score", min: 0 }, deadline: "2027-01-01" },
      audit,
    });
    await db()
      .$executeRaw`UPDATE "DailyInitiativeProgress" SET "met" = 0, "services" = 0 WHERE "initiativeId" = (SELECT "id" FROM "Initiative" WHERE "slug" = ${slug})`;
    await scanIntoDatabase({ root: FLEET_ROOT, name: "demo" });
    const page = (await getInitiativePage({ slug }))!;
    assert.ok(page.summary.met > 0, "the scan wrote today's row again");
  });
});
