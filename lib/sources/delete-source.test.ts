import { after, before, it } from "node:test";
import assert from "node:assert/strict";
import { rm } from "node:fs/promises";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { QUEUES } from "@/lib/jobs/queues";
import { createLogger } from "@/lib/log/logger";
import { requestScan } from "@/lib/persistence/scan-run/request-scan";
import { listRecentScans } from "@/lib/scans/list-recent-scans";
import { getServiceDetail } from "@/lib/services/get-service-detail";
import { deleteSource } from "@/lib/sources/delete-source";
import { getSource } from "@/lib/sources/get-source";
import { scanLocal } from "@/lib/sources/kinds/local/scan-source";
import { listSources } from "@/lib/sources/list-sources";
import { registerSource } from "@/lib/sources/register-source";
import { setSourcePaused } from "@/lib/sources/set-source-paused";
import { syncSchedules } from "@/lib/sources/sync-schedules";
import { updateSource } from "@/lib/sources/update-source";
import { scheduledScanJob } from "@/workers/jobs/scheduled-scan";
import { useWebBoss } from "@/test/support/use-web-boss";
import { writeTestTree } from "@/test/support/write-test-tree";

const web = useWebBoss();
const log = createLogger({ process: "test" });
let root: string;
before(async () => {
  root = await writeTestTree({
    files: {
      "api/Dockerfile": 'FROM node:20\nCOPY . .\nCMD ["node", "server.js"]\n',
      "api/package.json": '{ "name": "api", "dependencies": { "express": "4.19.2" } }\n',
      "api/server.js": "require('node:http').createServer().listen(3000);\n",
    },
  });
});
after(async () => rm(root, { recursive: true, force: true }));

const cronOf = async (id: number) => (await web.boss.getSchedules(QUEUES.scheduledScan, String(id)))[0]?.cron ?? null;
const scansOf = (sourceId: number) => db().scan.count({ where: { sourceId } });
/** What the worker does when the source's cron entry fires. */
const tick = (sourceId: number) => scheduledScanJob.handle({ sourceId }, { boss: web.boss, log, signal: new AbortController().signal });

async function scanned(name: string): Promise<{ id: number; scanId: number }> {
  const { id } = await registerSource({ kind: "local", input: { name, directory: root, schedule: "0 3 * * *" }, boss: web.boss });
  const { scanId } = await requestScan({ boss: web.boss, sourceId: id, trigger: "manual" });
  const source = await db().source.findUniqueOrThrow({
    where: { id },
    select: { id: true, name: true, kind: true, location: true, config: true },
  });
  await scanLocal({ scanId, source, boss: web.boss, log, signal: new AbortController().signal });
  return { id, scanId };
}

it("pauses a source: no cron entry, a tick already fired scans nothing, scan now still works; resume restores it", async () => {
  const { id } = await registerSource({
    kind: "local",
    input: { name: "nightly", directory: root, schedule: "0 3 * * *" },
    boss: web.boss,
  });
  const paused = await setSourcePaused({ sourceId: id, paused: true, boss: web.boss, now: new Date("2026-12-05T10:00:00Z") });
  assert.equal(paused.pausedAt?.toISOString(), "2026-12-05T10:00:00.000Z");
  assert.equal(await cronOf(id), null);
  const listed = await getSource({ id });
  assert.deepEqual([listed.pausedAt, listed.nextScanAt, listed.schedule], ["2026-12-05T10:00:00.000Z", null, "0 3 * * *"]);

  await tick(id);
  assert.equal(await scansOf(id), 0, "the scheduler's tick is ignored while paused");
  const again = await setSourcePaused({ sourceId: id, paused: true, boss: web.boss });
  assert.equal(again.pausedAt?.toISOString(), "2026-12-05T10:00:00.000Z", "pausing twice keeps when it was paused");
  await requestScan({ boss: web.boss, sourceId: id, trigger: "manual" });
  assert.equal(await scansOf(id), 1, "scan now is not paused");

  await setSourcePaused({ sourceId: id, paused: false, boss: web.boss });
  assert.equal(await cronOf(id), "0 3 * * *");
  assert.equal((await getSource({ id })).pausedAt, null);
  assert.ok((await getSource({ id })).nextScanAt);
});

it("a worker's start-up sync leaves paused and deleted sources unscheduled, even with a stale cron entry", async () => {
  const { id: paused } = await registerSource({ kind: "local", input: { name: "sync-paused", directory: root, schedule: "0 4 * * *" } });
  const { id: deleted } = await registerSource({ kind: "local", input: { name: "sync-deleted", directory: root, schedule: "0 4 * * *" } });
  const { id: live } = await registerSource({ kind: "local", input: { name: "sync-live", directory: root, schedule: "0 4 * * *" } });
  // Paused and deleted by a process without a queue (the CLI): their cron entries were never removed.
  await syncSchedules({ boss: web.boss });
  await setSourcePaused({ sourceId: paused, paused: true });
  await deleteSource({ sourceId: deleted });
  assert.equal(await cronOf(paused), "0 4 * * *");
  await tick(deleted);
  assert.equal(await scansOf(deleted), 0);
  assert.equal(await cronOf(deleted), null, "a tick for a deleted source removes its entry");

  await syncSchedules({ boss: web.boss });
  assert.deepEqual([await cronOf(paused), await cronOf(deleted), await cronOf(live)], [null, null, "0 4 * * *"]);
});

it("deletes a source: gone from the list and the scheduler, its queued scan closed, its history still readable", async () => {
  const { id, scanId } = await scanned("checkout");
  const service = await db().service.findFirstOrThrow({ where: { sourceId: id }, select: { slug: true } });
  const before = await getServiceDetail({ slug: service.slug });
  assert.ok(before && before.findings.length > 0);
  const { scanId: queued } = await requestScan({ boss: web.boss, sourceId: id, trigger: "manual" });

  const deleted = await deleteSource({ sourceId: id, boss: web.boss });
  assert.deepEqual([deleted.name, deleted.closedScans], ["checkout", [queued]]);
  assert.equal(await cronOf(id), null);
  assert.ok(!(await listSources()).some((s) => s.id === id), "not listed");
  await assert.rejects(getSource({ id }), NotFoundError);
  await assert.rejects(requestScan({ boss: web.boss, sourceId: id, trigger: "manual" }), NotFoundError);
  await assert.rejects(setSourcePaused({ sourceId: id, paused: true }), NotFoundError);
  await assert.rejects(updateSource({ sourceId: id, changes: { schedule: null } }), NotFoundError);
  await assert.rejects(deleteSource({ sourceId: id }), NotFoundError, "deleting twice");

  // History: the scans (named after the deleted source) and the service's page with its findings.
  const scans = await listRecentScans({ limit: 10 });
  const closed = scans.find((s) => s.id === queued);
  assert.deepEqual([closed?.status, closed?.error], ["failed", "source deleted before the scan started"]);
  assert.equal(scans.find((s) => s.id === scanId)?.source, `checkout (deleted #${id})`);
  const after = await getServiceDetail({ slug: service.slug });
  assert.deepEqual(after?.findings, before.findings);
  assert.equal(after?.latestScore, before.latestScore);
  const gone = await db().service.findUniqueOrThrow({ where: { slug: service.slug }, select: { goneAt: true } });
  assert.ok(gone.goneAt, "no longer counted among live services");

  // The name is free again.
  const { id: readded } = await registerSource({ kind: "local", input: { name: "checkout", directory: root }, boss: web.boss });
  assert.notEqual(readded, id);
});

it("keeps a source deleted while its scan runs out of the live fleet when the scan finishes", async () => {
  const { id } = await registerSource({ kind: "local", input: { name: "mid-scan", directory: root, schedule: null }, boss: web.boss });
  const { scanId } = await requestScan({ boss: web.boss, sourceId: id, trigger: "manual" });
  await db().scan.update({ where: { id: scanId }, data: { status: "running" } });
  await deleteSource({ sourceId: id, boss: web.boss });
  const source = await db().source.findUniqueOrThrow({
    where: { id },
    select: { id: true, name: true, kind: true, location: true, config: true },
  });
  await scanLocal({ scanId, source, boss: web.boss, log, signal: new AbortController().signal });
  const scan = await db().scan.findUniqueOrThrow({ where: { id: scanId }, select: { status: true } });
  assert.equal(scan.status, "succeeded", "a running scan finishes and is kept");
  assert.equal(await db().service.count({ where: { sourceId: id, goneAt: null } }), 0);
});
