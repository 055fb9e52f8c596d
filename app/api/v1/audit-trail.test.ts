import assert from "node:assert/strict";
import { it } from "node:test";
import { POST as createScan } from "@/app/api/v1/scans/route";
import { POST as createSource } from "@/app/api/v1/sources/route";
import { DELETE as deleteSource, PATCH as patchSource } from "@/app/api/v1/sources/[id]/route";
import { POST as pauseSource } from "@/app/api/v1/sources/[id]/pause/route";
import { POST as resumeSource } from "@/app/api/v1/sources/[id]/resume/route";
import { db } from "@/lib/db";
import { ensureService } from "@/lib/persistence/ensure-service";
import { applyOwnership } from "@/lib/persistence/apply-ownership";
import { setServiceTeam } from "@/lib/persistence/set-service-team";
import { useWebBoss } from "@/test/support/use-web-boss";

useWebBoss();

type Handler = (r: Request, c: { params: Promise<unknown> }) => Promise<Response>;
const from = { "x-forwarded-for": "198.51.100.4, 10.0.0.1", "user-agent": "dozen-cli/1.0" };
const call = (handler: Handler, method: string, path: string, body?: unknown, params: unknown = {}) =>
  handler(
    new Request(`http://dozen.test${path}`, {
      method,
      headers: { ...from, ...(body === undefined ? {} : { "content-type": "application/json" }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    }),
    { params: Promise.resolve(params) },
  );
const events = () =>
  db().auditEvent.findMany({
    orderBy: { id: "asc" },
    select: { action: true, actorKind: true, actorName: true, targetKind: true, targetId: true, targetName: true, detail: true },
  });

it("[AUDIT] every source change through the v1 API is recorded with who, what and from where", async () => {
  const created = await call(createSource as Handler, "POST", "/api/v1/sources", {
    kind: "github",
    name: "acme",
    schedule: "0 4 * * *",
    config: { owner: "acme", tokenEnv: "GITHUB_TOKEN" },
  });
  assert.equal(created.status, 201, await created.clone().text());
  const { id } = (await created.json()) as { id: number };
  const first = await db().auditEvent.findFirstOrThrow({ where: { action: "source.create" } });
  assert.deepEqual([first.actorKind, first.actorId, first.actorName], ["local", "local", "local user"]);
  assert.deepEqual([first.remoteAddress, first.userAgent], ["198.51.100.4", "dozen-cli/1.0"]);
  // What the source is: its kind, where, when, and its credential by variable name.
  const detail = first.detail as { kind: string; location: string; schedule: string; config: Record<string, unknown> };
  assert.deepEqual([detail.kind, detail.location, detail.schedule], ["github", "acme", "0 4 * * *"]);
  assert.equal(detail.config.tokenEnv, "GITHUB_TOKEN");

  const params = { id: String(id) };
  assert.equal((await call(patchSource as Handler, "PATCH", `/api/v1/sources/${id}`, { schedule: "30 5 * * *" }, params)).status, 200);
  // Refused: nothing changed, so nothing is recorded.
  assert.equal((await call(patchSource as Handler, "PATCH", `/api/v1/sources/${id}`, { schedule: "61 * * * *" }, params)).status, 400);
  assert.equal((await call(pauseSource as Handler, "POST", `/api/v1/sources/${id}/pause`, undefined, params)).status, 200);
  // Pausing a paused source changes nothing: no second event.
  assert.equal((await call(pauseSource as Handler, "POST", `/api/v1/sources/${id}/pause`, undefined, params)).status, 200);
  assert.equal((await call(resumeSource as Handler, "POST", `/api/v1/sources/${id}/resume`, undefined, params)).status, 200);
  assert.equal((await call(createScan as Handler, "POST", "/api/v1/scans", { sourceId: id })).status, 202);
  // Pressed twice, it scans once, and one scan was started.
  assert.equal((await call(createScan as Handler, "POST", "/api/v1/scans", { sourceId: id })).status, 200);
  assert.equal((await call(deleteSource as Handler, "DELETE", `/api/v1/sources/${id}`, undefined, params)).status, 204);

  const scan = await db().scan.findFirstOrThrow({ where: { sourceId: id }, select: { id: true } });
  const source = { actorKind: "local", actorName: "local user", targetKind: "source", targetId: String(id), targetName: "acme" };
  assert.deepEqual(await events(), [
    { ...source, action: "source.create", detail: first.detail },
    { ...source, action: "source.update", detail: { changed: { schedule: { from: "0 4 * * *", to: "30 5 * * *" } } } },
    { ...source, action: "source.pause", detail: { schedule: "30 5 * * *" } },
    { ...source, action: "source.resume", detail: { schedule: "30 5 * * *" } },
    { ...source, action: "scan.start", detail: { scanId: scan.id, trigger: "api" } },
    { ...source, action: "source.delete", detail: {} },
  ]);
});

it("[AUDIT] setting and clearing a service's owner records the team before and after", async () => {
  const row = await db().source.create({ data: { name: "owned", kind: "local", location: "/tmp" }, select: { id: true } });
  const { slug } = await db().$transaction(async (tx) => {
    const codeowners = { owners: ["@acme/team-core"], file: "CODEOWNERS", line: 1 };
    const service = await ensureService({ tx, sourceId: row.id, name: "api", path: "api", languages: [], ownerFacts: { codeowners } });
    await applyOwnership({ tx, serviceIds: [service.id] });
    return service;
  });
  await db().team.create({ data: { slug: "platform-guild", name: "Platform Guild" } });
  const audit = {
    actor: { kind: "user" as const, id: "u1", name: "ada@example.com" },
    origin: { remoteAddress: "192.0.2.1", userAgent: null },
  };
  await setServiceTeam({ slug, team: "Platform Guild", audit });
  await setServiceTeam({ slug, team: "", audit });
  await assert.rejects(setServiceTeam({ slug: "nope", team: "x", audit }), /no service nope/);
  const owners = await db().auditEvent.findMany({ where: { targetKind: "service" }, orderBy: { id: "asc" } });
  assert.deepEqual(
    owners.map((e) => [e.action, e.actorName, e.targetId, e.detail]),
    [
      ["owner.set", "ada@example.com", slug, { from: "team-core", to: "Platform Guild" }],
      // Clearing the manual owner applies what the repository says again.
      ["owner.clear", "ada@example.com", slug, { from: "Platform Guild", to: "team-core" }],
    ],
  );
});
