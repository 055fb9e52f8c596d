import path from "node:path";
import { it } from "node:test";
import assert from "node:assert/strict";
import { POST } from "@/app/api/v1/sources/route";
import { apiErrorBody } from "@/lib/api/schemas/common";
import { sourceSchema } from "@/lib/api/schemas/sources";
import { db } from "@/lib/db";
import { QUEUES } from "@/lib/jobs/queues";
import { useWebBoss } from "@/test/support/use-web-boss";
import { writeKubeconfig } from "@/test/support/write-kubeconfig";

const web = useWebBoss();

/** POST /api/v1/sources with a cluster: the kind is the body's, the rest is the test's. */
const post = (body: Record<string, unknown> | string) =>
  POST(
    new Request("http://dozen.test/api/v1/sources", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: typeof body === "string" ? body : JSON.stringify({ kind: "kubernetes", ...body }),
    }),
    undefined,
  );
const fieldsOf = async (response: Response) => apiErrorBody.parse(await response.json()).error.fields ?? {};

it("adds a cluster with its cron schedule at once, and answers 409 for a taken name", async () => {
  const kubeconfigPath = await writeKubeconfig({ contexts: ["staging", "prod-eu"] });
  const response = await post({
    name: "prod-eu",
    schedule: "15 2 * * *",
    config: { kubeconfigPath, context: "prod-eu", namespaces: ["shop"] },
  });
  assert.equal(response.status, 201, await response.clone().text());
  const source = sourceSchema.parse(await response.json());
  assert.equal(source.schedule, "15 2 * * *");
  assert.equal((await web.boss.getSchedules(QUEUES.scheduledScan, String(source.id)))[0]?.cron, "15 2 * * *");
  const stored = await db().source.findUniqueOrThrow({ where: { id: source.id }, select: { kind: true, location: true, config: true } });
  assert.deepEqual([stored.kind, stored.location], ["kubernetes", "prod-eu"]);
  assert.deepEqual(stored.config, {
    kubeconfigPath,
    context: "prod-eu",
    inCluster: false,
    namespaces: ["shop"],
    excludeNamespaces: ["kube-system", "kube-public", "kube-node-lease"],
  });

  const again = await post({ name: "prod-eu", config: { inCluster: true } });
  assert.equal(again.status, 409);
  assert.match(apiErrorBody.parse(await again.json()).error.message, /already exists/);
});

it("adds an in-cluster source on demand only (schedule null)", async () => {
  const response = await post({ name: "self", schedule: null, config: { inCluster: true } });
  assert.equal(response.status, 201);
  const source = sourceSchema.parse(await response.json());
  assert.equal(source.schedule, null);
  assert.deepEqual(await web.boss.getSchedules(QUEUES.scheduledScan, String(source.id)), []);
});

it("refuses bad input with 400 and every issue named by its field", async () => {
  const response = await post({ name: "", config: { inCluster: true, context: "prod", namespaces: ["Not_A_Namespace"] } });
  assert.equal(response.status, 400);
  const fields = Object.keys(await fieldsOf(response));
  assert.ok(fields.includes("name"), fields.join("\n"));
  assert.ok(fields.includes("config.namespaces.0"), fields.join("\n"));
  assert.equal((await post("not json at all")).status, 400);
  assert.equal(await db().source.count({ where: { name: "" } }), 0);
});

it("refuses a cluster with no kubeconfig anywhere (400) when KUBECONFIG is unset", async (t) => {
  if (process.env.KUBECONFIG) return t.diagnostic("KUBECONFIG is set here: a source without a path uses it");
  const response = await post({ name: "nowhere", config: {} });
  assert.equal(response.status, 400);
  assert.match((await fieldsOf(response))["config.kubeconfigPath"] ?? "", /needs a kubeconfig/);
});

it("refuses a kubeconfig that is not there, or lacks the context, with 400 naming the field", async () => {
  const kubeconfigPath = await writeKubeconfig({ contexts: ["staging"] });
  const absent = path.join(path.dirname(kubeconfigPath), "absent");
  const missing = await post({ name: "typo", config: { kubeconfigPath: absent, context: "prod" } });
  assert.equal(missing.status, 400);
  assert.deepEqual(await fieldsOf(missing), { "config.kubeconfigPath": `${absent}: no such file on the server` });
  const wrong = await post({ name: "typo", config: { kubeconfigPath, context: "prod" } });
  assert.equal(wrong.status, 400);
  assert.deepEqual(await fieldsOf(wrong), { "config.context": `"prod" is not a context in ${kubeconfigPath} (it has: staging)` });
  assert.equal(await db().source.count({ where: { name: "typo" } }), 0);
});
