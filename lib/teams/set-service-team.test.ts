import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { db } from "@/lib/db";
import { setServiceTeam } from "@/lib/teams/set-service-team";
import { ensureService } from "@/lib/scans/ensure-service";
import { useTestDatabase } from "@/test/support/test-database";

let database: Awaited<ReturnType<typeof useTestDatabase>>;
before(async () => {
  database = await useTestDatabase();
});
after(() => database.drop());

test("a team set by hand wins over the repository's owner until it is cleared", async () => {
  const source = await db().source.create({ data: { name: "s", kind: "local", location: "/tmp" }, select: { id: true } });
  const rescan = () =>
    db().$transaction((tx) => ensureService({ tx, sourceId: source.id, name: "api", path: "api", languages: [], owners: ["@acme/team-core"] }));
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
