import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pino from "pino";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { ClusterDrift } from "@/components/service/cluster-drift";
import { db } from "@/lib/db";
import { registerSource } from "@/lib/sources/register-source";
import { getServiceCluster } from "@/lib/services/get-service-cluster";
import { getServiceDetail } from "@/lib/services/get-service-detail";
import { FindingList } from "@/components/service/finding-list";
import { getFindingGuide } from "@/lib/guides/get-finding-guide";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { getHeatmapPage } from "@/lib/heatmap/get-heatmap-page";
import { SOURCE_KINDS } from "@/lib/sources/kinds/registry";
import { SHOP_SECRET_VALUES, shopCluster } from "@/test/kubernetes/shop-cluster";
import { seedShopRepos } from "@/test/kubernetes/shop-repos";
import { startStandIn } from "@/test/kubernetes/stand-in";
import { useTestDatabase } from "@/test/support/test-database";

describe("scanKubernetes: a cluster source audited into a real database", () => {
  let database: Awaited<ReturnType<typeof useTestDatabase>>;
  let dir: string;
  let clusterSourceId: number;
  const scan = async () => {
    const source = await db().source.findUniqueOrThrow({
      where: { id: clusterSourceId },
      select: { id: true, name: true, kind: true, location: true, config: true },
    });
    const { id: scanId } = await db().scan.create({
      data: { sourceId: source.id, trigger: "manual", rulesVersion: "test", status: "running" },
      select: { id: true },
    });
    await (
      await SOURCE_KINDS.kubernetes.worker()
    ).scan({ scanId, source, boss: undefined as never, log: pino({ level: "silent" }), signal: new AbortController().signal });
    return db().scan.findUniqueOrThrow({ where: { id: scanId }, select: { status: true, error: true, targetsDone: true } });
  };

  before(async () => {
    database = await useTestDatabase();
    dir = await mkdtemp(path.join(tmpdir(), "dozen-scan-k8s-"));
    // The repository side: legacy-billing declares 3 replicas, a tagged image and probes.
    const local = await seedShopRepos({ dir });
    const checkout = await db().service.create({
      data: {
        slug: "checkout-svc",
        name: "Checkout",
        sourceId: local.sourceId,
        path: "checkout",
        repoUrl: "https://github.com/acme/checkout",
      },
    });
    assert.ok(checkout.id);
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
    await database.drop();
  });

  it("joins workloads to services, keeps unmapped ones, scores with drift, and stores no secret", async () => {
    const standIn = await startStandIn({ objects: shopCluster() });
    await writeFile(path.join(dir, "kubeconfig"), standIn.kubeconfig("prod-eu"));
    clusterSourceId = (
      await registerSource({
        kind: "kubernetes",
        input: { name: "prod-eu", config: { kubeconfigPath: path.join(dir, "kubeconfig"), context: "prod-eu" }, schedule: null },
      })
    ).id;
    const result = await scan();
    await standIn.close();
    assert.equal(result.status, "succeeded", result.error ?? "");

    const workloads = await db().clusterWorkload.findMany({
      select: { kind: true, name: true, mappedBy: true, digests: true, service: { select: { name: true, sourceId: true } } },
      orderBy: { name: "asc" },
    });
    const byName = Object.fromEntries(workloads.map((w) => [w.name, w]));
    assert.equal(byName["checkout"]!.mappedBy, "annotation");
    assert.equal(byName["checkout"]!.service!.name, "Checkout");
    assert.deepEqual(byName["checkout"]!.digests, [`sha256:${"c".repeat(64)}`]);
    assert.equal(byName["checkout-migrate-42"]!.service!.name, "Checkout");
    assert.equal(byName["legacy-billing"]!.mappedBy, "label");
    assert.equal(byName["redis"]!.mappedBy, "none");
    assert.equal(byName["redis"]!.service!.sourceId, clusterSourceId, "unmapped workloads get a cluster-only service");

    const billing = await db().service.findFirstOrThrow({
      where: { name: "legacy-billing" },
      select: {
        latestScore: true,
        latestTarget: { select: { score: true } },
        latestClusterTarget: { select: { facts: true, findings: { select: { ruleId: true, outcome: true } } } },
      },
    });
    const drift = billing.latestClusterTarget!.findings.find((f) => f.ruleId === "clusterMatchesRepository");
    assert.equal(drift!.outcome, "fail");
    const fields = (billing.latestClusterTarget!.facts as { drift: { field: string }[] }).drift.map((d) => d.field).sort();
    assert.deepEqual(fields, ["digest", "envKeys", "image", "probes", "replicas"]);
    assert.ok(billing.latestScore! < billing.latestTarget!.score!, "the cluster's problems lower the combined score");

    const page = await getServiceCluster({
      serviceId: (await db().service.findFirstOrThrow({ where: { name: "legacy-billing" }, select: { id: true } })).id,
    });
    assert.equal(page!.cluster, "prod-eu");
    assert.deepEqual(
      page!.workloads.map((w) => `${w.kind}/${w.name}`),
      ["Deployment/legacy-billing"],
    );
    assert.ok(page!.drift.some((d) => d.field === "replicas" && d.declared === "3" && d.running === "1"));

    const stored = JSON.stringify(
      await db().scanTarget.findMany({ select: { facts: true, findings: { select: { evidence: true, message: true } } } }),
    );
    for (const value of SHOP_SECRET_VALUES) assert.ok(!stored.includes(value), "no secret value stored");
  });

  it("the service page shows cluster checks with guides like repository findings, and unmapped workloads as services", async () => {
    const billing = await db().service.findFirstOrThrow({ where: { name: "legacy-billing" }, select: { id: true } });
    const slug = (await db().service.findUniqueOrThrow({ where: { id: billing.id }, select: { slug: true } })).slug;
    const detail = await getServiceDetail({ slug });
    const list = createElement(FindingList, { findings: detail!.findings.filter((f) => f.origin === "cluster"), slug });
    const html = renderToStaticMarkup(createElement(QueryClientProvider, { client: new QueryClient() }, list));
    assert.match(html, /data-outcome="fail" data-rule="deploysImmutableImageTags"/, "a failing cluster check is a finding card");
    assert.match(html, /How to fix/);
    // The guide itself is loaded when the card is opened, from the cluster finding's evidence.
    const guide = await getFindingGuide({ slug, ruleId: "deploysImmutableImageTags", origin: "cluster" });
    assert.match(
      guide.html,
      /Deployment <code>shop\/legacy-billing<\/code> in cluster <code>prod-eu<\/code>, field <code>spec\.template\.spec\.containers\[0\]\.image<\/code>/,
      "the guide names the workload and field",
    );
    assert.match(html, /Workloads deploy a versioned release image, not :latest or an untagged one/, "cluster findings have their titles");

    // redis runs in the cluster, no repository declares it: a service of the cluster source, listed and scored.
    const { rows } = await getHeatmapPage({ source: "prod-eu", sort: "name", dir: "asc", page: 1, pageSize: 50 });
    const redis = rows.find((r) => r.name === "redis");
    assert.ok(redis, `redis is listed under its cluster source (got ${rows.map((r) => r.name).join(", ")})`);
    assert.ok(redis.score !== null, "and scored");
    const redisId = (await db().service.findUniqueOrThrow({ where: { slug: redis.slug }, select: { id: true } })).id;
    const redisPage = renderToStaticMarkup(createElement(ClusterDrift, { cluster: await getServiceCluster({ serviceId: redisId }) }));
    assert.match(redisPage, /shop\/StatefulSet\/redis<\/td>.*<td>unmapped<\/td>/s);
  });

  it("marks workloads gone when a later audit no longer sees them", async () => {
    const objects = shopCluster();
    objects.statefulsets = [];
    const standIn = await startStandIn({ objects });
    await writeFile(path.join(dir, "kubeconfig"), standIn.kubeconfig("prod-eu"));
    const result = await scan();
    await standIn.close();
    assert.equal(result.status, "succeeded");
    const redis = await db().clusterWorkload.findFirstOrThrow({ where: { name: "redis" }, select: { goneAt: true } });
    assert.ok(redis.goneAt);
    const checkout = await db().clusterWorkload.findFirstOrThrow({ where: { name: "checkout" }, select: { goneAt: true } });
    assert.equal(checkout.goneAt, null);
  });

  it("fails the scan with the API's reason when credentials are rejected", async () => {
    const standIn = await startStandIn({ objects: shopCluster(), token: "another" });
    await writeFile(path.join(dir, "kubeconfig"), standIn.kubeconfig("prod-eu").replace("another", "stale"));
    const result = await scan();
    await standIn.close();
    assert.equal(result.status, "failed");
    assert.match(result.error ?? "", /401 Unauthorized/);
  });
});
