import assert from "node:assert/strict";
import { test } from "node:test";
import { db } from "@/lib/db";
import { getTeamPage } from "@/lib/teams/get-team-page";
import { markGoneServices } from "@/lib/persistence/mark-gone-services";
import { ownerOf, useScannedFleet } from "@/test/support/use-scanned-fleet";
import { getFleetScore } from "@/test/support/read-fragments";

const fleet = useScannedFleet();

test("a service a complete look no longer finds is marked gone, and today's team and fleet figures drop it at once", async () => {
  const scanned = fleet.services;
  const commerce = scanned.filter((s) => ownerOf(s) === "team-commerce");
  const leaving = commerce[0]!;
  const before = await getTeamPage({ slug: "team-commerce" });
  assert.ok(before?.fixFirst.some((i) => i.services.includes(leaving.name)));

  const seenPaths = scanned.filter((s) => s !== leaving).map((s) => s.path);
  assert.equal(await markGoneServices({ sourceId: fleet.sourceId, seenPaths }), 1);

  assert.equal((await getFleetScore()).services, scanned.length - 1);
  const after = await getTeamPage({ slug: "team-commerce" });
  assert.ok(after);
  assert.equal(after.serviceCount, commerce.length - 1);
  assert.ok(!after.services.some((s) => s.name === leaving.name));
  assert.ok(
    after.fixFirst.every((i) => !i.services.includes(leaving.name)),
    "fix first no longer names it",
  );
  assert.equal(after.trend.at(-1)?.services, commerce.length - 1);
  const gone = await db().service.findUniqueOrThrow({ where: { slug: leaving.name }, select: { goneAt: true, latestScore: true } });
  assert.ok(gone.goneAt, "marked gone, not deleted");
  assert.equal(gone.latestScore, leaving.score, "its last score is kept");
  assert.equal(await markGoneServices({ sourceId: fleet.sourceId, seenPaths }), 0, "already gone: nothing to do");
});
