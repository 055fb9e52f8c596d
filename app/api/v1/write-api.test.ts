import assert from "node:assert/strict";
import { it } from "node:test";
import { GET as listScans, POST as createScan } from "@/app/api/v1/scans/route";
import { GET as listSources, POST as createSource } from "@/app/api/v1/sources/route";
import { DELETE as deleteSource, GET as getSource, PATCH as patchSource } from "@/app/api/v1/sources/[id]/route";
import { POST as pauseSource } from "@/app/api/v1/sources/[id]/pause/route";
import { POST as resumeSource } from "@/app/api/v1/sources/[id]/resume/route";
import { db } from "@/lib/db";
import { QUEUES } from "@/lib/jobs/queues";
import { apiErrorBody } from "@/lib/api/schemas/common";
import { scanList, scanSummary } from "@/lib/api/schemas/scans";
import { sourceList, sourceSchema } from "@/lib/api/schemas/sources";
import { useWebBoss } from "@/test/support/use-web-boss";

const web = useWebBoss();

const post = (handler: (r: Request, c: unknown) => Promise<Response>, path: string, body: unknown) =>
  handler(
    new Request(`http://dozen.test${path}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
    undefined,
  );
const get = (handler: (r: Request, c: unknown) => Promise<Response>, path: string) =>
  handler(new Request(`http://dozen.test${path}`), undefined);

async function refused(response: Response, status: number) {
  assert.equal(response.status, status);
  return apiErrorBody.parse(await response.json()).error;
}

it("POST /api/v1/sources takes { kind, name, schedule, config }, answers 201 with the source, scheduled at once", async () => {
  const response = await post(createSource, "/api/v1/sources", {
    kind: "github",
    name: "acme",
    schedule: "0 4 * * *",
    config: { owner: "acme", tokenEnv: "GITHUB_TOKEN", exclude: ["sandbox-*"] },
  });
  assert.equal(response.status, 201, await response.clone().text());
  const source = sourceSchema.parse(await response.json());
  assert.equal(response.headers.get("location"), `/api/v1/sources/${source.id}`);
  assert.deepEqual(
    [source.kind, source.location, source.schedule, source.credentials],
    ["github", "acme", "0 4 * * *", "token from $GITHUB_TOKEN"],
  );
  assert.equal((await web.boss.getSchedules(QUEUES.scheduledScan, String(source.id)))[0]?.cron, "0 4 * * *");
  const stored = await db().source.findUniqueOrThrow({ where: { id: source.id }, select: { config: true } });
  assert.deepEqual((stored.config as { exclude: string[] }).exclude, ["sandbox-*"]);

  const cluster = await post(createSource, "/api/v1/sources", {
    kind: "kubernetes",
    name: "here",
    schedule: null,
    config: { inCluster: true },
  });
  assert.equal(cluster.status, 201, await cluster.clone().text());
  const listed = sourceList.parse(await (await get(listSources, "/api/v1/sources")).json());
  assert.deepEqual(
    listed.items.map((s) => [s.name, s.schedule]),
    [
      ["acme", "0 4 * * *"],
      ["here", null],
    ],
  );
  assert.ok(listed.items.every((s) => Number.isInteger(s.id)));
});

it("POST /api/v1/sources refuses bad input with 400 naming each field as the body has it, and a taken name with 409", async () => {
  const bad = await refused(
    await post(createSource, "/api/v1/sources", { kind: "github", name: "x", schedule: "every day", config: { owner: "-bad-" } }),
    400,
  );
  assert.equal(bad.code, "invalid_request");
  assert.deepEqual(Object.keys(bad.fields ?? {}).sort(), ["config.owner", "schedule"]);
  const cluster = await refused(
    await post(createSource, "/api/v1/sources", { kind: "kubernetes", name: "c", config: { inCluster: true, context: "prod" } }),
    400,
  );
  assert.match(cluster.fields?.["config.inCluster"] ?? "", /inCluster takes no kubeconfigPath or context/);
  const missingDir = await refused(
    await post(createSource, "/api/v1/sources", { kind: "local", name: "gone", config: { directory: "/nonexistent/dozen" } }),
    400,
  );
  assert.ok(missingDir.fields, "a refusal always says where");
  assert.deepEqual(
    Object.keys((await refused(await post(createSource, "/api/v1/sources", { kind: "gitlab", name: "x" }), 400)).fields ?? {}),
    ["kind"],
  );
  assert.deepEqual((await refused(await post(createSource, "/api/v1/sources", "{not json"), 400)).fields, { body: "a JSON object" });
  const taken = await refused(
    await post(createSource, "/api/v1/sources", { kind: "kubernetes", name: "here", config: { inCluster: true } }),
    409,
  );
  assert.deepEqual([taken.code, taken.message], ["conflict", 'a source named "here" already exists']);
  assert.equal(await db().source.count({ where: { name: { in: ["x", "c", "gone"] } } }), 0, "nothing refused is kept");
});

it("POST /api/v1/scans queues a scan (202), answers the same scan while it is pending (200), 404 for an unknown source", async () => {
  const { id: sourceId } = await db().source.findUniqueOrThrow({ where: { name: "here" }, select: { id: true } });
  const first = await post(createScan, "/api/v1/scans", { sourceId });
  assert.equal(first.status, 202);
  const scan = scanSummary.parse(await first.json());
  assert.deepEqual([scan.sourceId, scan.status, scan.trigger], [sourceId, "queued", "api"]);
  assert.equal(first.headers.get("location"), `/api/v1/scans/${scan.id}`);
  const jobs = await web.boss.findJobs(QUEUES.scanSource, { data: { scanId: scan.id } });
  assert.equal(jobs.length, 1, "handed to the workers");
  const again = await post(createScan, "/api/v1/scans", { sourceId });
  assert.equal(again.status, 200);
  assert.equal(scanSummary.parse(await again.json()).id, scan.id);
  assert.equal((await refused(await post(createScan, "/api/v1/scans", { sourceId: 424242 }), 404)).code, "not_found");
  assert.deepEqual(Object.keys((await refused(await post(createScan, "/api/v1/scans", { sourceId: "x" }), 400)).fields ?? {}), [
    "sourceId",
  ]);
  const listed = scanList.parse(await (await get(listScans, "/api/v1/scans")).json());
  assert.deepEqual(
    listed.items.map((s) => s.id),
    [scan.id],
  );
});

type WithId = (r: Request, c: { params: Promise<unknown> }) => Promise<Response>;
const onSource = (handler: WithId, id: number, method: string, body?: unknown) =>
  handler(
    new Request(`http://dozen.test/api/v1/sources/${id}`, {
      method,
      headers: { "content-type": "application/json" },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    }),
    { params: Promise.resolve({ id: String(id) }) },
  );
const cron = async (id: number) => (await web.boss.getSchedules(QUEUES.scheduledScan, String(id)))[0]?.cron ?? null;

it("PATCH /api/v1/sources/{id} changes name, schedule and config, refusing a kind change (400) and a taken name (409)", async () => {
  const { id } = await db().source.findUniqueOrThrow({ where: { name: "acme" }, select: { id: true } });
  const changed = await onSource(patchSource, id, "PATCH", { name: "acme-corp", schedule: "30 5 * * *", config: { owner: "acme-corp" } });
  assert.equal(changed.status, 200, await changed.clone().text());
  const source = sourceSchema.parse(await changed.json());
  assert.deepEqual([source.name, source.location, source.schedule], ["acme-corp", "acme-corp", "30 5 * * *"]);
  assert.equal(await cron(id), "30 5 * * *", "the cron entry follows");
  const stored = await db().source.findUniqueOrThrow({ where: { id }, select: { config: true } });
  assert.deepEqual((stored.config as { exclude: string[] }).exclude, ["sandbox-*"], "config keys not sent stay");
  // Its config reads back in the shape POST and PATCH take it: credentials by variable name only.
  const read = sourceSchema.parse(await (await onSource(getSource, id, "GET")).json());
  assert.deepEqual([read.config.owner, read.config.tokenEnv, read.config.exclude], ["acme-corp", "GITHUB_TOKEN", ["sandbox-*"]]);

  assert.deepEqual(Object.keys((await refused(await onSource(patchSource, id, "PATCH", { kind: "local" }), 400)).fields ?? {}), ["kind"]);
  const badOwner = await refused(await onSource(patchSource, id, "PATCH", { config: { owner: "-bad-" } }), 400);
  assert.deepEqual(Object.keys(badOwner.fields ?? {}), ["config.owner"]);
  assert.equal((await refused(await onSource(patchSource, id, "PATCH", { name: "here" }), 409)).code, "conflict");
  assert.equal((await refused(await onSource(patchSource, 424242, "PATCH", { name: "x" }), 404)).code, "not_found");
});

it("pause and resume take a source off its schedule and back; DELETE removes it from the lists but keeps its scans", async () => {
  const { id } = await db().source.findUniqueOrThrow({ where: { name: "acme-corp" }, select: { id: true } });
  const paused = sourceSchema.parse(await (await onSource(pauseSource, id, "POST")).json());
  assert.ok(paused.pausedAt);
  assert.equal(paused.nextScanAt, null);
  assert.equal(await cron(id), null);
  const resumed = sourceSchema.parse(await (await onSource(resumeSource, id, "POST")).json());
  assert.equal(resumed.pausedAt, null);
  assert.equal(await cron(id), "30 5 * * *");

  const { id: hereId } = await db().source.findUniqueOrThrow({ where: { name: "here" }, select: { id: true } });
  const gone = await onSource(deleteSource, hereId, "DELETE");
  assert.equal(gone.status, 204);
  assert.equal((await refused(await onSource(getSource, hereId, "GET"), 404)).code, "not_found");
  assert.equal((await refused(await onSource(deleteSource, hereId, "DELETE"), 404)).code, "not_found");
  const names = sourceList.parse(await (await get(listSources, "/api/v1/sources")).json()).items.map((s) => s.name);
  assert.deepEqual(names, ["acme-corp"]);
  const history = scanList.parse(await (await get(listScans, `/api/v1/scans?sourceId=${hereId}`)).json());
  assert.equal(history.items.length, 1, "its scan stays readable");
  assert.equal(history.items[0]?.status, "failed", "closed: the source was deleted before it started");
});
