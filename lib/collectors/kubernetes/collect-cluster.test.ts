import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { collectCluster } from "@/lib/collectors/kubernetes/collect-cluster";
import { loadKubeConfig } from "@/lib/collectors/kubernetes/load-kube-config";
import { createKubeClient, KubeApiError } from "@/lib/collectors/kubernetes/request-kube";
import { SHOP_SECRET_VALUES, shopCluster } from "@/test/kubernetes/shop-cluster";
import { startStandIn, type StandIn } from "@/test/kubernetes/stand-in";

describe("collectCluster against the stand-in API server", () => {
  let standIn: StandIn;
  let dir: string;
  const client = async (kubeconfig = standIn.kubeconfig()) => {
    await writeFile(path.join(dir, "config"), kubeconfig);
    return createKubeClient({
      kc: await loadKubeConfig({ kubeconfigPath: path.join(dir, "config"), context: "stand-in" }),
      name: "prod-eu",
    });
  };
  before(async () => {
    standIn = await startStandIn({ objects: shopCluster(), recordBodies: true });
    dir = await mkdtemp(path.join(tmpdir(), "dozen-collect-"));
  });
  after(async () => {
    await standIn.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("collects workloads with the digests their pods run, and restarts a list whose continue token expired", async () => {
    standIn.requests.length = 0;
    standIn.expireContinues(1);
    const facts = await collectCluster({ client: await client(), pageLimit: 2 });
    const names = facts.workloads.map((w) => `${w.kind}/${w.name}`).sort();
    assert.deepEqual(names, [
      "CronJob/nightly-report",
      "DaemonSet/node-exporter",
      "Deployment/checkout",
      "Deployment/legacy-billing",
      "Job/checkout-migrate-42",
      "StatefulSet/redis",
    ]);
    const checkout = facts.workloads.find((w) => w.name === "checkout")!;
    assert.deepEqual(checkout.running, { digests: [`sha256:${"c".repeat(64)}`], restarts: 0, pods: 3 });
    assert.equal(facts.workloads.find((w) => w.name === "legacy-billing")!.running.restarts, 7);
    assert.ok(
      standIn.requests.some((r) => r.status === 410),
      "a continue token expired",
    );
    assert.ok(
      standIn.requests.every((r) => Number(r.query.limit) > 0 && Number(r.query.limit) <= 500),
      "every list is paged",
    );
    assert.deepEqual(facts.secrets, [{ namespace: "shop", name: "checkout-db" }]);
    assert.equal(facts.requests, standIn.requests.length);
  });

  it("never lets Secret data or secret-looking env values cross the wire into facts", async () => {
    standIn.requests.length = 0;
    const facts = await collectCluster({ client: await client() });
    const secretRequests = standIn.requests.filter((r) => r.path.endsWith("/secrets"));
    assert.ok(secretRequests.length > 0);
    for (const r of secretRequests) {
      assert.match(r.accept, /as=PartialObjectMetadataList/);
      for (const value of SHOP_SECRET_VALUES)
        assert.ok(!r.body!.includes(Buffer.from(value).toString("base64")) && !r.body!.includes(value));
    }
    const text = JSON.stringify(facts);
    for (const value of SHOP_SECRET_VALUES) assert.ok(!text.includes(value), "no secret value in facts");
    const env = facts.workloads.find((w) => w.name === "legacy-billing")!.containers[0]!.env;
    assert.deepEqual(env, [
      { name: "DB_PASSWORD", source: "literal", secretPreview: "****" },
      { name: "PORT", source: "literal" },
    ]);
  });

  it("lists only included namespaces and drops excluded ones", async () => {
    const only = await collectCluster({ client: await client(), namespaces: ["monitoring"] });
    assert.deepEqual(
      only.workloads.map((w) => w.name),
      ["node-exporter"],
    );
    const without = await collectCluster({ client: await client(), excludeNamespaces: ["monitoring"] });
    assert.ok(!without.workloads.some((w) => w.namespace === "monitoring"));
  });

  it("fails with the API's Status on a bad token (401) or missing RBAC (403)", async () => {
    await assert.rejects(
      collectCluster({ client: await client(standIn.kubeconfig().replace(standIn.token, "expired")) }),
      (e: unknown) => e instanceof KubeApiError && e.status === 401,
    );
    const locked = await startStandIn({ objects: shopCluster() });
    locked.forbid("secrets");
    await assert.rejects(
      collectCluster({ client: await client(locked.kubeconfig()) }),
      (e: unknown) => e instanceof KubeApiError && e.status === 403 && e.reason === "Forbidden",
    );
    await locked.close();
  });
});
