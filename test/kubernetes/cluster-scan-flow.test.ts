import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pino from "pino";
import type { PgBoss } from "pg-boss";
import { POST as scanNow } from "@/app/api/v1/scans/route";
import { db } from "@/lib/db";
import { childEnv } from "@/lib/env";
import { createBoss } from "@/lib/jobs/create-boss";
import { QUEUES } from "@/lib/jobs/queues";
import { ROOT, tsxArgs } from "@/lib/ops/bin-path";
import { runChild, type ChildHandle } from "@/lib/ops/run-child";
import { registerSource } from "@/lib/sources/register-source";
import { WORKER_NODE_FLAGS } from "@/lib/ops/node-flags";
import { shopCluster } from "@/test/kubernetes/shop-cluster";
import { getServiceDetail } from "@/lib/services/get-service-detail";
import { seedShopRepos } from "@/test/kubernetes/shop-repos";
import { startStandIn, type StandIn } from "@/test/kubernetes/stand-in";
import { useTestDatabase } from "@/test/support/test-database";

/**
 * A cluster source the way a user runs one: registered with a schedule, its cron tick handled by a real
 * worker process (scheduled-scan → scan-source → the Kubernetes scanner), "scan now" through the route
 * handler, and broken clusters (500, unreachable) failing their scan while every earlier result stays.
 */
describe("cluster scans through the worker: scheduled, on demand, and failing without losing results", () => {
  let database: Awaited<ReturnType<typeof useTestDatabase>>;
  let dir: string;
  let boss: PgBoss;
  let worker: ChildHandle;
  let standIn: StandIn;
  let sourceId: number;

  const kubeconfig = () => path.join(dir, "kubeconfig");
  const latestScan = () =>
    db().scan.findFirstOrThrow({
      where: { sourceId },
      orderBy: { id: "desc" },
      select: { id: true, status: true, error: true, trigger: true },
    });
  const waitForScan = async (scanId: number) => {
    const deadline = Date.now() + 90_000;
    for (;;) {
      const scan = await db().scan.findUniqueOrThrow({
        where: { id: scanId },
        select: { id: true, status: true, error: true, trigger: true },
      });
      if (!["queued", "running"].includes(scan.status)) return scan;
      assert.ok(Date.now() < deadline, `scan ${scanId} still ${scan.status} after 90 s`);
      await new Promise((r) => setTimeout(r, 200));
    }
  };
  const pressScanNow = async () => {
    const request = new Request("http://dozen.test/api/v1/scans", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ sourceId }),
    });
    const response = await scanNow(request, undefined);
    assert.equal(response.status, 202);
    return waitForScan(((await response.json()) as { id: number }).id);
  };
  const clusterResults = () =>
    db().service.findMany({
      where: { latestClusterTargetId: { not: null } },
      orderBy: { slug: "asc" },
      select: { slug: true, latestScore: true, latestClusterTargetId: true },
    });

  before(async () => {
    database = await useTestDatabase();
    dir = await mkdtemp(path.join(tmpdir(), "dozen-cluster-flow-"));
    // legacy-billing's repository declares 3 replicas, a pinned tag and probes: the cluster runs otherwise.
    await seedShopRepos({ dir });
    standIn = await startStandIn({ objects: shopCluster() });
    await writeFile(kubeconfig(), standIn.kubeconfig("prod-eu"));
    boss = createBoss({ role: "web", url: database.url });
    await boss.start();
    // The web process's boss (lib/jobs/get-web-boss.ts), pointed at this file's database for the route.
    (globalThis as { __dozenBoss?: Promise<PgBoss> }).__dozenBoss = Promise.resolve(boss);
    worker = runChild({
      name: "worker",
      command: process.execPath,
      args: [...WORKER_NODE_FLAGS, ...tsxArgs("workers/main.ts")],
      env: childEnv({ DATABASE_URL: database.url, LOG_LEVEL: "warn" }),
      cwd: ROOT,
      log: pino({ level: "silent" }),
    });
  });
  after(async () => {
    worker.stop("SIGTERM");
    await worker.exited;
    await boss.stop({ graceful: false, close: true });
    await standIn.close();
    await rm(dir, { recursive: true, force: true });
    await database.drop();
  });

  it("a schedule tick, handled by the worker, audits the cluster: findings, drift and unmapped workloads", async () => {
    const registered = await registerSource({
      kind: "kubernetes",
      input: { name: "prod-eu", schedule: "30 2 * * *", config: { kubeconfigPath: kubeconfig(), context: "prod-eu" } },
      boss,
    });
    sourceId = registered.id;
    const [schedule] = await boss.getSchedules(QUEUES.scheduledScan, String(sourceId));
    assert.deepEqual([schedule?.cron, schedule?.data], ["30 2 * * *", { sourceId }]);
    // What pg-boss's cron does at 02:30: send the schedule's payload to its queue.
    await boss.send(QUEUES.scheduledScan, schedule!.data as object);
    const deadline = Date.now() + 60_000;
    while ((await db().scan.count({ where: { sourceId } })) === 0) {
      assert.ok(Date.now() < deadline, "the worker never turned the tick into a scan");
      await new Promise((r) => setTimeout(r, 200));
    }
    const scan = await waitForScan((await latestScan()).id);
    assert.deepEqual([scan.status, scan.trigger, scan.error], ["succeeded", "schedule", null]);

    const billing = await db().service.findFirstOrThrow({
      where: { slug: "legacy-billing" },
      select: {
        latestScore: true,
        latestTarget: { select: { score: true } },
        latestClusterTarget: { select: { scanId: true, findings: { select: { ruleId: true, outcome: true, evidence: true } } } },
      },
    });
    assert.equal(billing.latestClusterTarget?.scanId, scan.id);
    const failing = billing.latestClusterTarget!.findings.filter((f) => f.outcome === "fail").map((f) => f.ruleId);
    for (const ruleId of [
      "clusterMatchesRepository",
      "deploysImmutableImageTags",
      "backingServiceCredentialsFromSecrets",
      "scalesByReplicas",
    ])
      assert.ok(failing.includes(ruleId), `${ruleId} fails (got ${failing.join(", ")})`);
    const pinned = billing.latestClusterTarget!.findings.find((f) => f.ruleId === "deploysImmutableImageTags")!;
    assert.deepEqual((pinned.evidence as { cluster: string; namespace: string; kind: string; name: string }[])[0], {
      type: "cluster",
      cluster: "prod-eu",
      namespace: "shop",
      kind: "Deployment",
      name: "legacy-billing",
      jsonPath: "spec.template.spec.containers[0].image",
      snippet: "registry.example.com/acme/legacy-billing:latest",
    });
    assert.ok(billing.latestScore! < billing.latestTarget!.score!, "the cluster's problems lower the service's score");

    // redis runs in the cluster but no repository declares it: shown as a service of the cluster source.
    const redis = await db().service.findFirstOrThrow({
      where: { workloads: { some: { name: "redis" } } },
      select: { sourceId: true, latestScore: true, path: true },
    });
    assert.deepEqual([redis.sourceId, redis.path], [sourceId, "shop/redis"]);
    assert.ok(redis.latestScore !== null, "an unmapped workload is scored, not dropped");

    // [TIER] A workload's dozen.dev/tier label gives its service a tier; one that is not 1–4 is ignored and said.
    assert.equal((await db().service.findFirstOrThrow({ where: { path: "shop/redis" }, select: { tier: true } })).tier, 2);
    const billingPage = await getServiceDetail({ slug: "legacy-billing" });
    assert.equal(billingPage?.tier, null);
    assert.deepEqual(billingPage?.tierProblems, [
      'shop/Deployment/legacy-billing label dozen.dev/tier: tier "gold" is not 1, 2, 3 or 4; ignored',
    ]);
  });

  it("scan now (POST /api/v1/scans) audits again through the worker", async () => {
    const before = await clusterResults();
    const scan = await pressScanNow();
    assert.deepEqual([scan.status, scan.trigger], ["succeeded", "api"]);
    const after = await clusterResults();
    assert.deepEqual(
      after.map((s) => s.slug),
      before.map((s) => s.slug),
    );
    assert.ok(
      after.every((s, i) => s.latestClusterTargetId !== before[i]!.latestClusterTargetId),
      "every service got this scan's cluster target",
    );
  });

  it("an API server answering 500 fails the scan with its reason and keeps the previous audit", async () => {
    const before = await clusterResults();
    standIn.breakResource("pods");
    const scan = await pressScanNow();
    assert.equal(scan.status, "failed");
    assert.match(scan.error ?? "", /Kubernetes API answered 500 InternalError/);
    // The server's own text is never stored or shown (issue 14: no upstream body in a scan error).
    assert.doesNotMatch(scan.error ?? "", /etcdserver/);
    assert.deepEqual(await clusterResults(), before);
    assert.equal(await db().clusterWorkload.count({ where: { sourceId, goneAt: { not: null } } }), 0, "a failed audit marks nothing gone");
  });

  it("an unreachable cluster fails the scan naming the server and keeps the previous audit", async () => {
    const before = await clusterResults();
    await standIn.close();
    const scan = await pressScanNow();
    assert.equal(scan.status, "failed");
    assert.match(
      scan.error ?? "",
      new RegExp(`cannot reach the Kubernetes API at ${standIn.url.replaceAll(".", "\\.")} \\(ECONNREFUSED\\)`),
    );
    assert.deepEqual(await clusterResults(), before);
    assert.equal(await db().clusterWorkload.count({ where: { sourceId, goneAt: { not: null } } }), 0);
  });
});
