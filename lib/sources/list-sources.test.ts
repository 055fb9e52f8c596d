import { rm } from "node:fs/promises";
import { after, before, it } from "node:test";
import assert from "node:assert/strict";
import type { PgBoss } from "pg-boss";
import { db } from "@/lib/db";
import { createLogger } from "@/lib/log/logger";
import { listSources } from "@/lib/sources/list-sources";
import { scanLocal } from "@/lib/sources/kinds/local/scan-source";
import { useTestDatabase } from "@/test/support/test-database";
import { writeTestTree } from "@/test/support/write-test-tree";

let database: Awaited<ReturnType<typeof useTestDatabase>>;
before(async () => {
  database = await useTestDatabase();
});
after(async () => database.drop());

const NOW = new Date("2026-11-23T14:30:00Z");

it("lists every source with its next scheduled scan (UTC), or none when on demand", async () => {
  await db().source.createMany({
    data: [
      { name: "nightly", kind: "local", location: "/srv/a", schedule: "0 3 * * *" },
      { name: "quarterly", kind: "local", location: "/srv/b", schedule: "*/15 * * * *" },
      { name: "manual", kind: "local", location: "/srv/c", schedule: null },
    ],
  });
  const byName = new Map((await listSources({ now: NOW })).map((s) => [s.name, s]));
  assert.equal(byName.get("nightly")?.nextScanAt, "2026-11-24T03:00:00.000Z");
  assert.equal(byName.get("quarterly")?.nextScanAt, "2026-11-23T14:45:00.000Z");
  assert.equal(byName.get("manual")?.nextScanAt, null);
  assert.equal(byName.get("manual")?.repositories, null, "repositories are a GitHub source's");
  assert.equal(byName.get("manual")?.workloads, null, "workloads are a cluster's");
});

it("counts a GitHub source's repositories by status, lists the failed ones' errors, reads the rate limit", async () => {
  const source = await db().source.create({
    data: {
      name: "acme",
      kind: "github",
      location: "acme",
      schedule: "0 3 * * *",
      config: { tokenEnv: "ACME_TOKEN", apiBaseUrl: "https://api.github.com" },
      // The listing cache shares the JSON; it must not leak into the reading.
      rateLimit: { limit: 5000, remaining: 0, resetAt: "2026-11-23T15:00:00.000Z", listing: { pages: { "1": 'W/"etag"' } } },
    },
    select: { id: true },
  });
  const statuses = ["ok", "ok", "ok", "pending", "failed", "failed", "gone", "skipped"];
  await db().repository.createMany({
    data: statuses.map((status, i) => ({
      sourceId: source.id,
      fullName: `acme/repo-${i}`,
      status,
      lastError: status === "failed" ? `HTTP 502 on repo-${i}` : null,
      failures: status === "failed" ? 2 : 0,
    })),
  });
  await db().scan.create({
    data: {
      sourceId: source.id,
      status: "partial",
      trigger: "schedule",
      rulesVersion: "v",
      targetsTotal: 8,
      targetsDone: 6,
      targetsFailed: 2,
    },
  });

  const acme = (await listSources({ now: NOW })).find((s) => s.name === "acme");
  assert.ok(acme);
  assert.deepEqual(acme.repositories?.counts, { ok: 3, pending: 1, failed: 2, gone: 1, skipped: 1 });
  assert.equal(acme.repositories?.total, 8);
  assert.deepEqual(acme.repositories?.failed.map((r) => r.lastError).sort(), ["HTTP 502 on repo-4", "HTTP 502 on repo-5"]);
  assert.deepEqual(acme.rateLimit, { limit: 5000, remaining: 0, resetAt: "2026-11-23T15:00:00.000Z", exhausted: true });
  assert.equal(acme.credentials, "token from $ACME_TOKEN");
  assert.deepEqual(
    [acme.lastScan?.status, acme.lastScan?.targetsDone, acme.lastScan?.targetsTotal, acme.lastScan?.targetsFailed],
    ["partial", 6, 8, 2],
  );

  // After the reset, a spent reading is history, not a blocked source.
  const later = (await listSources({ now: new Date("2026-11-23T15:00:01Z") })).find((s) => s.name === "acme");
  assert.equal(later?.rateLimit?.exhausted, false);
});

it("has no rate-limit state before a GitHub source's first reading, nor from a listing cache alone", async () => {
  await db().source.create({ data: { name: "fresh", kind: "github", location: "fresh", rateLimit: { listing: {} } } });
  const fresh = (await listSources({ now: NOW })).find((s) => s.name === "fresh");
  assert.equal(fresh?.rateLimit, null);
  assert.deepEqual(fresh?.repositories, { counts: { ok: 0, pending: 0, failed: 0, gone: 0, skipped: 0 }, total: 0, failed: [] });
});

it("counts a cluster's live workloads and the unmapped ones, whether or not they got a cluster-only service", async () => {
  const cluster = await db().source.create({
    data: { name: "prod-eu", kind: "kubernetes", location: "prod-eu", config: { kubeconfigPath: "/etc/kube", context: "prod-eu" } },
    select: { id: true },
  });
  const repo = await db().source.create({ data: { name: "repo", kind: "local", location: "/srv/repo" }, select: { id: true } });
  const checkout = await db().service.create({
    data: { slug: "checkout", name: "checkout", sourceId: repo.id, path: "checkout" },
    select: { id: true },
  });
  const orphan = await db().service.create({
    data: { slug: "orphan", name: "orphan", sourceId: cluster.id, path: "default/orphan" },
    select: { id: true },
  });
  const workload = (name: string, extra: { serviceId?: number | null; mappedBy?: string; goneAt?: Date }) => ({
    sourceId: cluster.id,
    namespace: "default",
    kind: "Deployment",
    name,
    ...extra,
  });
  await db().clusterWorkload.createMany({
    data: [
      workload("checkout", { serviceId: checkout.id, mappedBy: "label" }),
      workload("orphan", { serviceId: orphan.id, mappedBy: "none" }),
      workload("loose", { serviceId: null }),
      workload("retired", { serviceId: null, goneAt: new Date("2026-11-01T00:00:00Z") }),
    ],
  });
  const prod = (await listSources({ now: NOW })).find((s) => s.name === "prod-eu");
  assert.deepEqual(prod?.workloads, { total: 3, unmapped: 2 });
  assert.equal(prod?.credentials, "kubeconfig /etc/kube");
  assert.equal(prod?.rateLimit, null);
  assert.equal(prod?.services, 1);
});

it("lists the deploy declarations a local scan joined to no service, from the latest finished scan", async () => {
  const root = await writeTestTree({
    files: {
      "api/Dockerfile": 'FROM node:20\nCOPY . .\nCMD ["node", "server.js"]\n',
      "api/server.js": "require('node:http').createServer().listen(process.env.PORT);\n",
      "docker-compose.yml": "services:\n  api:\n    build: ./api\n  cache:\n    image: acme/cache:3.2.1\n",
    },
  });
  try {
    const source = await db().source.create({
      data: { name: "checkout", kind: "local", location: root },
      select: { id: true, name: true, kind: true, location: true, config: true },
    });
    const unmatchedOf = async () => (await listSources({ now: NOW })).find((s) => s.name === "checkout")?.unmatched;
    assert.deepEqual(await unmatchedOf(), [], "no scan yet, nothing to list");
    const scan = await db().scan.create({ data: { sourceId: source.id, trigger: "manual", rulesVersion: "v", status: "running" } });
    const log = createLogger({ process: "test" });
    // The local scanner needs no queue: it writes its targets and closes its scan itself.
    await scanLocal({ scanId: scan.id, source, boss: {} as PgBoss, log, signal: new AbortController().signal });
    const cache = { descriptor: "compose", kind: "ComposeService", name: "cache", path: "docker-compose.yml", line: 4 };
    assert.deepEqual(await unmatchedOf(), [cache]);
    // A scan still running, or one that failed, says nothing yet: the last finished one's list stays.
    await db().scan.create({ data: { sourceId: source.id, trigger: "manual", rulesVersion: "v", status: "running" } });
    await db().scan.create({ data: { sourceId: source.id, trigger: "manual", rulesVersion: "v", status: "failed" } });
    assert.deepEqual(await unmatchedOf(), [cache]);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});
