import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { db } from "@/lib/db";
import { utcDay } from "@/lib/db/utc-day";
import { createInitiative } from "@/lib/initiatives/create-initiative";
import { recordWeeklyDigests } from "@/lib/notifications/record-weekly-digests";
import { plural } from "@/lib/text/plural";
import { ownerOf, useScannedFleet } from "@/test/support/use-scanned-fleet";

const audit = { actor: { kind: "local" as const, id: "local", name: "local user" }, origin: null };
const outcomeOf = (s: { findings: { ruleId: string; outcome: string }[] }) =>
  s.findings.find((f) => f.ruleId === "handlesSigterm")?.outcome;

describe("weekly digests with initiatives", () => {
  const fleet = useScannedFleet();

  it("tell each team its part of every open initiative, and the fleet the totals with the week's gain", async () => {
    const judged = fleet.services.filter((s) => ["pass", "fail"].includes(outcomeOf(s) ?? ""));
    const failing = judged.find((s) => outcomeOf(s) === "fail" && ownerOf(s))!;
    const teamSlug = ownerOf(failing)!;
    const ofTeam = judged.filter((s) => ownerOf(s) === teamSlug);
    const { slug } = await createInitiative({
      input: { name: "Graceful shutdown", owner: "SRE", goal: { kind: "check", checkId: "handlesSigterm" }, deadline: "2027-03-31" },
      audit,
    });
    await createInitiative({ input: { name: "Closed one", owner: "SRE", goal: { kind: "score", min: 1 }, deadline: "2027-03-31" }, audit });
    await db().initiative.updateMany({ where: { name: "Closed one" }, data: { closedAt: new Date() } });
    // A week ago nobody met the goal: the digest says what was gained since.
    const id = (await db().initiative.findUniqueOrThrow({ where: { slug }, select: { id: true } })).id;
    await db().dailyInitiativeProgress.create({
      data: { initiativeId: id, day: new Date(utcDay({ minusDays: 7 })), services: judged.length, met: 0, teams: {} },
    });
    const team = await db().team.findUniqueOrThrow({ where: { slug: teamSlug }, select: { id: true } });
    // A channel is what makes a team (and, with fleetDigest, the fleet) get a digest; it is never sent here.
    await db().notificationChannel.create({
      data: {
        teamId: team.id,
        kind: "slack",
        target: "v1.x.y.z",
        host: "hooks.slack.com",
        hint: "WXYZ",
        fleetDigest: true,
        createdBy: "test",
      },
    });
    await recordWeeklyDigests();
    const digests = await db().notificationEvent.findMany({ where: { kind: "digest.weekly" }, select: { teamId: true, payload: true } });
    const linesOf = (teamId: number | null) =>
      ((digests.find((d) => d.teamId === teamId)?.payload ?? {}) as { lines?: string[] }).lines?.filter((l) =>
        l.startsWith("Initiative"),
      ) ?? [];

    const met = judged.filter((s) => outcomeOf(s) === "pass").length;
    assert.deepEqual(linesOf(null), [
      `Initiative Graceful shutdown (passes handlesSigterm, by 2027-03-31): ${met} of ${plural(judged.length, "service")} (+${met} this week), on track.`,
    ]);
    const teamMet = ofTeam.filter((s) => outcomeOf(s) === "pass").length;
    // The team had no part a week ago (the row above holds no team counts): no gain to tell, no pace to judge yet.
    assert.deepEqual(linesOf(team.id), [
      `Initiative Graceful shutdown (passes handlesSigterm, by 2027-03-31): ${teamMet} of ${plural(ofTeam.length, "service")}, on track.`,
    ]);
  });
});
