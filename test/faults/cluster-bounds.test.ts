import { after, before, it } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { db } from "@/lib/db";
import { registerSource } from "@/lib/sources/register-source";
import { requestScanThroughBoss, startWorker, waitForScan } from "@/test/github/worker-processes";
import { shopCluster } from "@/test/kubernetes/shop-cluster";
import { seedShopRepos } from "@/test/kubernetes/shop-repos";
import { startStandIn, type StandIn } from "@/test/kubernetes/stand-in";
import { useTestDatabase } from "@/test/support/test-database";

// An API server whose pod list never finishes arriving holds its audit past the bound; another cluster does not.
// Far above a healthy audit in its child (a few seconds on a loaded 2-core machine), far below a hang.
const TIMEOUT_MS = 30_000;
let database: Awaited<ReturnType<typeof useTestDatabase>>;
let dir: string;
let healthy: StandIn;
let stuck: StandIn;

before(async () => {
  database = await useTestDatabase();
  dir = await mkdtemp(path.join(tmpdir(), "dozen-cluster-bounds-"));
  await seedShopRepos({ dir });
  [healthy, stuck] = await Promise.all([startStandIn({ objects: shopCluster() }), startStandIn({ objects: shopCluster() })]);
  stuck.stall("pods");
});
after(async () => {
  await Promise.all([healthy.close(), stuck.close()]);
  await rm(dir, { recursive: true, force: true });
  await database.drop();
});

async function clusterSource(name: string, standIn: StandIn): Promise<number> {
  const kubeconfigPath = path.join(dir, `${name}.kubeconfig`);
  await writeFile(kubeconfigPath, standIn.kubeconfig(name));
  return (await registerSource({ kind: "kubernetes", input: { name, config: { kubeconfigPath, context: name }, schedule: null } })).id;
}

it("[FAULTS] a cluster audit past DOZEN_TARGET_TIMEOUT_MS fails with that reason; another cluster's audit succeeds", async () => {
  const worker = startWorker({
    databaseUrl: database.url,
    name: "worker",
    concurrency: 2,
    env: { DOZEN_TARGET_TIMEOUT_MS: String(TIMEOUT_MS) },
  });
  try {
    const [stuckId, healthyId] = [await clusterSource("stuck", stuck), await clusterSource("prod-eu", healthy)];
    const stuckScan = await requestScanThroughBoss({ databaseUrl: database.url, sourceId: stuckId });
    const healthyScan = await requestScanThroughBoss({ databaseUrl: database.url, sourceId: healthyId });
    const [failed, succeeded] = await Promise.all([
      waitForScan({ scanId: stuckScan.scanId, timeoutMs: TIMEOUT_MS + 60_000 }),
      waitForScan({ scanId: healthyScan.scanId }),
    ]);
    assert.equal(failed.status, "failed");
    assert.equal(failed.error, `cluster audit failed: collection took longer than ${TIMEOUT_MS} ms (DOZEN_TARGET_TIMEOUT_MS)`);
    assert.ok(
      stuck.requests.some((r) => r.path === "/api/v1/pods"),
      "the stalled answer was asked for",
    );
    assert.equal(succeeded.status, "succeeded", succeeded.error ?? "");
    const workloads = await db().clusterWorkload.count({ where: { sourceId: healthyId } });
    assert.ok(workloads > 0, "the healthy cluster's workloads are stored");
    assert.equal(await db().clusterWorkload.count({ where: { sourceId: stuckId } }), 0, "a failed audit stores no workload");
    assert.equal(worker.child.exitCode, null, "the worker is still running");
  } finally {
    worker.stop("SIGTERM");
    await worker.exited;
  }
});
