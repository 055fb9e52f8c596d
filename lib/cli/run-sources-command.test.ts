import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { POST as addSource } from "@/app/api/v1/sources/route";
import { db } from "@/lib/db";
import { QUEUES } from "@/lib/jobs/queues";
import { freePort } from "@/test/support/free-port";
import { runDozen as dozen, serveApiRoutes } from "@/test/support/serve-api-routes";
import { useWebBoss } from "@/test/support/use-web-boss";
import { writeKubeconfig } from "@/test/support/write-kubeconfig";

const web = useWebBoss();
let api: Awaited<ReturnType<typeof serveApiRoutes>>;
let url: string;

before(async () => {
  api = await serveApiRoutes([["POST", /^\/api\/v1\/sources$/, (request) => addSource(request, undefined)]]);
  url = api.url;
});
after(() => api.close());

test("sources add kubernetes registers a cluster through the API, scheduled at once", async () => {
  const kubeconfig = await writeKubeconfig({ contexts: ["prod-eu"] });
  const { code, out } = await dozen([
    "sources",
    "add",
    "kubernetes",
    "prod-eu",
    "--kubeconfig",
    kubeconfig,
    "--context",
    "prod-eu",
    "--namespace",
    "shop",
    "--namespace",
    "payments",
    "--schedule",
    "0 4 * * *",
    "--url",
    url,
  ]);
  assert.equal(code, 0, out);
  const source = await db().source.findUniqueOrThrow({
    where: { name: "prod-eu" },
    select: { id: true, kind: true, config: true, schedule: true },
  });
  assert.match(out, new RegExp(`^Added kubernetes source "prod-eu" \\(id ${source.id}\\), scanned on "0 4 \\* \\* \\*" \\(UTC\\)\\.`));
  assert.match(out, new RegExp(`dozen scans start ${source.id} \\(POST ${url}/api/v1/scans\\)`));
  assert.deepEqual([source.kind, source.schedule], ["kubernetes", "0 4 * * *"]);
  assert.deepEqual((source.config as { namespaces: string[] }).namespaces, ["shop", "payments"]);
  assert.equal((await web.boss.getSchedules(QUEUES.scheduledScan, String(source.id)))[0]?.cron, "0 4 * * *");
});

test("sources add github registers an organisation on demand only", async () => {
  const { code, out } = await dozen([
    "sources",
    "add",
    "github",
    "acme",
    "--owner",
    "acme",
    "--token-env",
    "ACME_TOKEN",
    "--exclude",
    "sandbox-*",
    "--on-demand",
    "--url",
    url,
  ]);
  assert.equal(code, 0, out);
  assert.match(out, /scanned on demand only/);
  const source = await db().source.findUniqueOrThrow({
    where: { name: "acme" },
    select: { kind: true, location: true, schedule: true, config: true },
  });
  assert.deepEqual([source.kind, source.location, source.schedule], ["github", "acme", null]);
  assert.deepEqual((source.config as { tokenEnv: string; exclude: string[] }).exclude, ["sandbox-*"]);
});

test("bad input is refused before sending (2), a taken name by the server (1), an unreachable Dozen is named (1)", async () => {
  const bad = await dozen([
    "sources",
    "add",
    "kubernetes",
    "x",
    "--in-cluster",
    "--context",
    "prod",
    "--namespace",
    "Not_OK",
    "--url",
    url,
  ]);
  assert.equal(bad.code, 2);
  assert.match(bad.err, /config\.namespaces\.0: a namespace name/);
  assert.match(bad.err, /config\.inCluster: inCluster takes no kubeconfigPath or context/);

  const taken = await dozen(["sources", "add", "kubernetes", "prod-eu", "--in-cluster", "--url", url]);
  assert.equal(taken.code, 1);
  assert.match(taken.err, /a source named "prod-eu" already exists/);

  const usage = await dozen(["sources", "add", "gitlab", "x", "--url", url]);
  assert.equal(usage.code, 2);
  assert.match(usage.err, /Unknown source kind "gitlab"/);

  const closed = `http://127.0.0.1:${await freePort()}`;
  const unreachable = await dozen(["sources", "add", "kubernetes", "elsewhere", "--in-cluster", "--url", closed]);
  assert.equal(unreachable.code, 1);
  assert.match(unreachable.err, new RegExp(`cannot reach Dozen at ${closed.replaceAll(".", "\\.")} .*ECONNREFUSED`));
});
