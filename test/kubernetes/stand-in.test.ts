import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { KINDS, apiVersionOf } from "@/test/kubernetes/kinds";
import { shopCluster } from "@/test/kubernetes/shop-cluster";
import { startStandIn, type StandIn } from "@/test/kubernetes/stand-in";
import { validateObject } from "@/test/kubernetes/validate-object";
import { httpsGet } from "@/test/kubernetes/https-get";

const run = promisify(execFile);

describe("Kubernetes stand-in API server", () => {
  let standIn: StandIn;
  let dir: string;
  const get = (p: string, accept = "application/json", token?: string) =>
    httpsGet({ url: `${standIn.url}${p}`, ca: standIn.ca, headers: { accept, authorization: `Bearer ${token ?? standIn.token}` } });

  before(async () => {
    standIn = await startStandIn({ objects: shopCluster() });
    dir = await mkdtemp(path.join(tmpdir(), "dozen-kubectl-"));
    await writeFile(path.join(dir, "config"), standIn.kubeconfig());
  });
  after(async () => {
    await standIn.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("serves every kind as schema-valid objects (list items validated one by one)", async () => {
    for (const info of KINDS) {
      const base = info.group ? `/apis/${info.group}/${info.version}` : "/api/v1";
      const list = (await (await get(`${base}/${info.resource}`)).json()) as { kind: string; items: Record<string, unknown>[] };
      assert.equal(list.kind, `${info.kind}List`);
      assert.ok(list.items.length > 0, `${info.resource} has items`);
      for (const item of list.items) validateObject({ apiVersion: apiVersionOf(info), kind: info.kind, object: item });
    }
  });

  it("rejects an object the official schema rejects", () => {
    assert.throws(() =>
      validateObject({ apiVersion: "apps/v1", kind: "Deployment", object: { metadata: { name: "x" }, spec: { replicas: "two" } } }),
    );
  });

  it("pages with limit/continue, filters by label selector, and expires continue tokens with 410", async () => {
    const first = (await (await get("/api/v1/pods?limit=3")).json()) as { items: unknown[]; metadata: { continue?: string } };
    assert.equal(first.items.length, 3);
    const second = (await (await get(`/api/v1/pods?limit=3&continue=${first.metadata.continue}`)).json()) as {
      items: unknown[];
      metadata: { continue?: string };
    };
    assert.equal(second.items.length, 1);
    assert.equal(second.metadata.continue, undefined);
    const selected = (await (
      await get("/apis/apps/v1/deployments?labelSelector=app.kubernetes.io/name%20in%20(checkout,nope),dozen.dev/owner")
    ).json()) as { items: { metadata: { name: string } }[] };
    assert.deepEqual(
      selected.items.map((i) => i.metadata.name),
      ["checkout"],
    );
    standIn.expireContinues(1);
    const gone = await get(`/api/v1/pods?limit=3&continue=${first.metadata.continue}`);
    assert.equal(gone.status, 410);
    assert.equal(((await gone.json()) as { reason: string }).reason, "Expired");
  });

  it("answers Status errors 401, 403 and 404", async () => {
    const unauthorized = await get("/api/v1/pods", "application/json", "wrong");
    assert.equal(unauthorized.status, 401);
    assert.equal(((await unauthorized.json()) as { kind: string }).kind, "Status");
    assert.equal((await get("/apis/apps/v1/namespaces/shop/deployments/nope")).status, 404);
    assert.equal((await get("/apis/apps/v1/namespaces/shop/deployments/checkout")).status, 200);
    const other = await startStandIn({ objects: shopCluster() });
    other.forbid("secrets");
    const forbidden = await httpsGet({
      url: `${other.url}/api/v1/secrets`,
      ca: other.ca,
      headers: { authorization: `Bearer ${other.token}` },
    });
    assert.equal(forbidden.status, 403);
    assert.equal(((await forbidden.json()) as { reason: string }).reason, "Forbidden");
    await other.close();
  });

  it("serves Secrets as partial object metadata without their data", async () => {
    const res = await get("/api/v1/secrets?limit=500", "application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1");
    const text = await res.text();
    const body = JSON.parse(text) as { kind: string; items: { metadata: { name: string } }[] };
    assert.equal(body.kind, "PartialObjectMetadataList");
    assert.deepEqual(
      body.items.map((i) => i.metadata.name),
      ["checkout-db"],
    );
    assert.ok(!text.includes('"data"'));
  });

  it("answers the real kubectl: discovery, paged lists (chunk size 1) and get", async () => {
    const kubectl = (...args: string[]) =>
      run("kubectl", ["--kubeconfig", path.join(dir, "config"), "--cache-dir", path.join(dir, "cache"), ...args]);
    const listed = JSON.parse((await kubectl("get", "deployments", "-A", "-o", "json", "--chunk-size=1")).stdout) as {
      items: { metadata: { name: string } }[];
    };
    assert.deepEqual(listed.items.map((i) => i.metadata.name).sort(), ["checkout", "legacy-billing"]);
    const pods = JSON.parse(
      (await kubectl("get", "pods", "-n", "shop", "-l", "app.kubernetes.io/name=checkout", "-o", "json", "--chunk-size=2")).stdout,
    ) as { items: unknown[] };
    assert.equal(pods.items.length, 3);
    const names = (await kubectl("get", "hpa,pdb,cronjobs", "-n", "shop", "-o", "name")).stdout.trim().split("\n");
    assert.deepEqual(names.sort(), [
      "cronjob.batch/nightly-report",
      "horizontalpodautoscaler.autoscaling/checkout",
      "poddisruptionbudget.policy/checkout-pdb",
    ]);
    await assert.rejects(kubectl("get", "deployment", "nope", "-n", "shop"), /NotFound|not found/);
  });
});
