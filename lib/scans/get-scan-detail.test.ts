import { after, before, it } from "node:test";
import assert from "node:assert/strict";
import { db } from "@/lib/db";
import { getScanDetail } from "@/lib/scans/get-scan-detail";
import { useTestDatabase } from "@/test/support/test-database";

let database: Awaited<ReturnType<typeof useTestDatabase>>;
before(async () => {
  database = await useTestDatabase();
});
after(async () => database.drop());

it("reads a scan with its targets, failed ones first with their errors, each with its duration", async () => {
  const source = await db().source.create({ data: { name: "acme", kind: "github", location: "acme" }, select: { id: true } });
  const service = await db().service.create({
    data: { slug: "api", name: "api", sourceId: source.id, path: "acme/api" },
    select: { id: true },
  });
  const scan = await db().scan.create({
    data: {
      sourceId: source.id,
      trigger: "manual",
      rulesVersion: "v",
      status: "running",
      targetsTotal: 49,
      targetsDone: 3,
      targetsFailed: 1,
      startedAt: new Date(),
    },
    select: { id: true },
  });
  await db().scanTarget.createMany({
    data: [
      { scanId: scan.id, targetKey: "acme/web", status: "succeeded", durationMs: 900, score: 71, grade: "C" },
      { scanId: scan.id, targetKey: "acme/api", serviceId: service.id, status: "succeeded", durationMs: 1200, score: 88, grade: "B" },
      { scanId: scan.id, targetKey: "acme/legacy", status: "failed", error: "HTTP 502 from the tarball endpoint", durationMs: 40 },
    ],
  });
  const detail = await getScanDetail({ id: scan.id });
  assert.ok(detail);
  assert.deepEqual(
    [detail.status, detail.targetsTotal, detail.targetsDone, detail.source.name, detail.source.deleted],
    ["running", 49, 3, "acme", false],
  );
  assert.deepEqual(
    detail.targets.map((t) => [t.targetKey, t.status, t.durationMs, t.error, t.service]),
    [
      ["acme/legacy", "failed", 40, "HTTP 502 from the tarball endpoint", null],
      ["acme/api", "succeeded", 1200, null, "api"],
      ["acme/web", "succeeded", 900, null, null],
    ],
  );
  const capped = await getScanDetail({ id: scan.id, limit: 2 });
  assert.deepEqual([capped?.targets.length, capped?.moreTargets], [2, 1]);
  assert.equal(await getScanDetail({ id: 999_999 }), null);
});
