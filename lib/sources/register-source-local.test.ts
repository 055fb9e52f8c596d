import { after, before, it } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { PgBoss } from "pg-boss";
import { db } from "@/lib/db";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import { createBoss } from "@/lib/jobs/create-boss";
import { QUEUES } from "@/lib/jobs/queues";
import { registerSource } from "@/lib/sources/register-source";
import { updateSourceSchedule } from "@/lib/sources/update-source-schedule";
import { useTestDatabase } from "@/test/support/test-database";

let database: Awaited<ReturnType<typeof useTestDatabase>>;
let boss: PgBoss;
let directory: string;
before(async () => {
  database = await useTestDatabase();
  boss = createBoss({ role: "web", url: database.url });
  await boss.start();
  directory = await mkdtemp(path.join(tmpdir(), "dozen-local-source-"));
});
after(async () => {
  await boss.stop({ graceful: false, close: true });
  await rm(directory, { recursive: true, force: true });
  await database.drop();
});

const cronOf = async (id: number) => (await boss.getSchedules(QUEUES.scheduledScan, String(id)))[0]?.cron ?? null;

it("adds a local checkout with its cron entry at once, and refuses a taken name or a missing directory", async () => {
  const { id, schedule } = await registerSource({ kind: "local", input: { name: "checkouts", directory, schedule: "15 4 * * *" }, boss });
  assert.equal(schedule, "15 4 * * *");
  assert.equal(await cronOf(id), "15 4 * * *");
  const source = await db().source.findUniqueOrThrow({ where: { id }, select: { kind: true, location: true } });
  assert.deepEqual(source, { kind: "local", location: directory });

  await assert.rejects(registerSource({ kind: "local", input: { name: "checkouts", directory }, boss }), ConflictError);
  await assert.rejects(
    registerSource({ kind: "local", input: { name: "nowhere", directory: path.join(directory, "missing") }, boss }),
    ValidationError,
  );
  assert.equal(await db().source.count({ where: { name: "nowhere" } }), 0);

  const onDemand = await registerSource({ kind: "local", input: { name: "by-hand", directory, schedule: null }, boss });
  assert.equal(await cronOf(onDemand.id), null);
});

it("changes a source's schedule and its cron entry together; empty means on demand", async () => {
  const { id } = await registerSource({ kind: "local", input: { name: "rescheduled", directory, schedule: "0 3 * * *" }, boss });
  await updateSourceSchedule({ input: { sourceId: id, schedule: "*/30 * * * *" }, boss });
  assert.equal(await cronOf(id), "*/30 * * * *");
  await updateSourceSchedule({ input: { sourceId: id, schedule: " " }, boss });
  assert.equal(await cronOf(id), null);
  assert.equal((await db().source.findUniqueOrThrow({ where: { id }, select: { schedule: true } })).schedule, null);

  await assert.rejects(updateSourceSchedule({ input: { sourceId: id, schedule: "61 * * * *" }, boss }), /cron expression/);
  await assert.rejects(updateSourceSchedule({ input: { sourceId: 999_999, schedule: "0 3 * * *" }, boss }), NotFoundError);
});
