import { it } from "node:test";
import assert from "node:assert/strict";
import pino from "pino";
import { POST } from "@/app/api/sources/route";
import { db } from "@/lib/db";
import { QUEUES } from "@/lib/jobs/queues";
import { syncSchedules } from "@/lib/sources/sync-schedules";
import { useWebBoss } from "@/test/support/use-web-boss";

const web = useWebBoss();

const post = (body: unknown) =>
  POST(
    new Request("http://dozen.test/api/sources", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    }),
  );

it("adds a source of the kind the body names, scheduled at once", async () => {
  const response = await post({ kind: "local", name: "checkouts", directory: process.cwd(), schedule: "30 1 * * *" });
  assert.equal(response.status, 201);
  const { source } = (await response.json()) as { source: { id: number; schedule: string } };
  assert.equal((await web.boss.getSchedules(QUEUES.scheduledScan, String(source.id)))[0]?.cron, "30 1 * * *");
  const unknown = await post({ kind: "gitlab", name: "x" });
  assert.equal(unknown.status, 400);
  assert.match(((await unknown.json()) as { issues: string[] }).issues.join("\n"), /kind: "gitlab" is not a kind of source/);
});

it("[DEFECT] an invalid schedule answers 400 naming the field, and stores nothing", async () => {
  const response = await post({ kind: "github", name: "acme", owner: "acme", schedule: "every day please" });
  assert.equal(response.status, 400);
  const { issues } = (await response.json()) as { issues: string[] };
  assert.ok(
    issues.some((i) => /^schedule: a cron expression/.test(i)),
    issues.join("\n"),
  );
  assert.equal(await db().source.count({ where: { name: "acme" } }), 0, "no row is kept");
  const legacy = await POST(
    new Request("http://dozen.test/api/sources", {
      method: "POST",
      body: JSON.stringify({ kind: "kubernetes", name: "prod", schedule: "61 * * * *", config: { inCluster: true } }),
    }),
  );
  assert.equal(legacy.status, 400);
  assert.equal(await db().source.count({ where: { name: "prod" } }), 0);
});

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
