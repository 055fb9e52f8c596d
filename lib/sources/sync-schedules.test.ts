import { it } from "node:test";
import assert from "node:assert/strict";
import pino from "pino";
import { db } from "@/lib/db";
import { QUEUES } from "@/lib/jobs/queues";
import { syncSchedules } from "@/lib/sources/sync-schedules";
import { useWebBoss } from "@/test/support/use-web-boss";

const web = useWebBoss();

it("[DEFECT] a schedule pg-boss refuses, already in the database, is logged and skipped: the other sources are scheduled", async () => {
  const bad = await db().source.create({
    data: { name: "old-row", kind: "local", location: "/srv/old", schedule: "every day please" },
    select: { id: true },
  });
  const good = await db().source.create({
    data: { name: "nightly", kind: "local", location: "/srv/nightly", schedule: "0 3 * * *" },
    select: { id: true },
  });
  const lines: string[] = [];
  const log = pino({ level: "info" }, { write: (line: string) => void lines.push(line) });
  const result = await syncSchedules({ boss: web.boss, log });
  assert.equal(result.skipped, 1);
  assert.ok(result.scheduled >= 1);
  assert.equal((await web.boss.getSchedules(QUEUES.scheduledScan, String(good.id)))[0]?.cron, "0 3 * * *");
  assert.deepEqual(await web.boss.getSchedules(QUEUES.scheduledScan, String(bad.id)), []);
  const logged = lines.map((l) => JSON.parse(l) as { msg: string; sourceId?: number; source?: string });
  assert.ok(
    logged.some((l) => l.msg === "source schedule refused; skipped" && l.sourceId === bad.id && l.source === "old-row"),
    lines.join("\n"),
  );
});
