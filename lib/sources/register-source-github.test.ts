import { after, before, it } from "node:test";
import assert from "node:assert/strict";
import { db } from "@/lib/db";
import { ConflictError } from "@/lib/errors";
import { createBoss } from "@/lib/jobs/create-boss";
import { QUEUES } from "@/lib/jobs/queues";
import { registerSource } from "@/lib/sources/register-source";
import { useTestDatabase } from "@/test/support/test-database";

let database: Awaited<ReturnType<typeof useTestDatabase>>;
before(async () => {
  database = await useTestDatabase();
});
after(async () => database.drop());

it("registers a GitHub organisation with defaults, its cron schedule at once, and never a token", async () => {
  const boss = createBoss({ role: "web", url: database.url });
  await boss.start();
  try {
    const { id, schedule } = await registerSource({
      kind: "github",
      input: { name: "acme", owner: "acme", schedule: "0 4 * * *", config: { tokenEnv: "ACME_GH_TOKEN" } },
      boss,
    });
    assert.equal(schedule, "0 4 * * *");
    const schedules = await boss.getSchedules(QUEUES.scheduledScan, String(id));
    assert.equal(schedules[0]?.cron, "0 4 * * *");
    const source = await db().source.findUniqueOrThrow({ where: { id }, select: { kind: true, location: true, config: true } });
    assert.deepEqual([source.kind, source.location], ["github", "acme"]);
    assert.deepEqual(source.config, {
      ownerType: "org",
      apiBaseUrl: "https://api.github.com",
      tokenEnv: "ACME_GH_TOKEN",
      includeArchived: false,
      includeForks: false,
      include: [],
      exclude: [],
      topics: [],
    });
    await assert.rejects(registerSource({ kind: "github", input: { name: "acme", owner: "other" }, boss }), ConflictError);
    await assert.rejects(
      registerSource({ kind: "github", input: { name: "bad", owner: "-nope-", config: { tokenEnv: "lower-case" } }, boss }),
    );
  } finally {
    await boss.stop({ graceful: false, close: true });
  }
});
