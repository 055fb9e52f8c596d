import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { tmpdir } from "node:os";
import pino from "pino";
import { db } from "@/lib/db";
import { createBoss } from "@/lib/jobs/create-boss";
import { QUEUES } from "@/lib/jobs/queues";
import { requestScan } from "@/lib/persistence/scan-run/request-scan";
import { registerSource } from "@/lib/sources/register-source";
import { scanSourceFailedJob } from "@/workers/jobs/scan-source-failed";
import { useTestDatabase } from "@/test/support/test-database";

let database: Awaited<ReturnType<typeof useTestDatabase>>;
let boss: ReturnType<typeof createBoss>;
before(async () => {
  database = await useTestDatabase();
  boss = createBoss({ role: "web", url: database.url });
  await boss.start();
});
after(async () => {
  await boss.stop({ graceful: false });
  await database.drop();
});

const ctx = (failure: unknown) => ({ boss, log: pino({ level: "silent" }), signal: new AbortController().signal, failure });

test("a source scan that fails its last retry is closed as failed with the reason, and the next scan is not blocked", async () => {
  const source = await registerSource({ kind: "local", input: { name: "fleet", directory: tmpdir(), schedule: null }, ifExists: "return" });
  const first = await requestScan({ boss, sourceId: source.id, trigger: "manual" });
  // The scan job's last failure goes to the dead-letter queue (pg-boss moves it in the same transaction).
  const [job] = await boss.findJobs(QUEUES.scanSource, { data: { scanId: first.scanId } });
  assert.equal((await boss.getJobById(QUEUES.scanSource, job!.id))?.deadLetter, QUEUES.scanSourceFailed);

  // As a worker that died mid-scan leaves it: running. Until closed, "scan now" gets this scan back.
  await db().scan.update({ where: { id: first.scanId }, data: { status: "running", startedAt: new Date() } });
  assert.equal((await requestScan({ boss, sourceId: source.id, trigger: "manual" })).alreadyRunning, true);

  await scanSourceFailedJob.handle({ scanId: first.scanId }, ctx({ message: "job expired after 30 minutes" }));
  const closed = await db().scan.findUniqueOrThrow({
    where: { id: first.scanId },
    select: { status: true, error: true, finishedAt: true },
  });
  assert.equal(closed.status, "failed");
  assert.match(closed.error ?? "", /failed on every retry: job expired after 30 minutes/);
  assert.ok(closed.finishedAt);

  const next = await requestScan({ boss, sourceId: source.id, trigger: "manual" });
  assert.equal(next.alreadyRunning, false);
  assert.notEqual(next.scanId, first.scanId);
});

test("a finished scan, or a GitHub scan already fanned out to its repositories, is left as it is", async () => {
  const done = await db().source.create({ data: { name: "done", kind: "local", location: "/nonexistent" }, select: { id: true } });
  const finished = await db().scan.create({
    data: { sourceId: done.id, trigger: "manual", rulesVersion: "x", status: "succeeded", targetsTotal: 2, targetsDone: 2 },
    select: { id: true },
  });
  await scanSourceFailedJob.handle({ scanId: finished.id }, ctx({ message: "late" }));
  assert.equal((await db().scan.findUniqueOrThrow({ where: { id: finished.id } })).status, "succeeded");

  const org = await db().source.create({ data: { name: "acme", kind: "github", location: "acme" }, select: { id: true } });
  const fanned = await db().scan.create({
    data: { sourceId: org.id, trigger: "manual", rulesVersion: "x", status: "running", targetsTotal: 5, targetsDone: 1 },
    select: { id: true },
  });
  await scanSourceFailedJob.handle({ scanId: fanned.id }, ctx({ message: "died after the fan-out" }));
  assert.equal((await db().scan.findUniqueOrThrow({ where: { id: fanned.id } })).status, "running", "its repository jobs close it");
});
