import assert from "node:assert/strict";
import { it, before, after } from "node:test";
import { GET as listEvents } from "@/app/api/v1/audit-events/route";
import { GET as exportAudit } from "@/app/api/export/audit/route";
import { newTokenSecret } from "@/lib/auth/api-tokens/token-secret";
import { recordAuditEvent, type AuditContext } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";
import { apiErrorBody } from "@/lib/api/schemas/common";
import { auditEventList } from "@/lib/api/schemas/audit";
import { useTestDatabase } from "@/test/support/test-database";

const ada: AuditContext = {
  actor: { kind: "user", id: "u-ada", name: "ada@example.com" },
  origin: { remoteAddress: "192.0.2.1", userAgent: "Firefox" },
};
const ci: AuditContext = { actor: { kind: "token", id: "7", name: '=HYPERLINK("http://evil")' }, origin: null };

const get = (handler: (r: Request, c: unknown) => Promise<Response>, path: string, headers: Record<string, string> = {}) =>
  handler(new Request(`http://dozen.test${path}`, { headers }), undefined);
const list = async (query: string) => {
  const response = await get(listEvents, `/api/v1/audit-events${query}`);
  assert.equal(response.status, 200, await response.clone().text());
  return auditEventList.parse(await response.json());
};

let database: Awaited<ReturnType<typeof useTestDatabase>>;
before(async () => {
  database = await useTestDatabase();
  // Three days of changes: Dec 1 and 2 by a person, Dec 3 by a CI token whose name would be a formula.
  const at = async (day: string, opts: Parameters<typeof recordAuditEvent>[0]) => {
    await recordAuditEvent(opts);
    const last = await db().auditEvent.findFirstOrThrow({ orderBy: { id: "desc" }, select: { id: true } });
    // Back-dating a test row needs the append-only trigger out of the way for a moment.
    await db().$executeRawUnsafe(`ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_no_update_delete"`);
    await db().$executeRawUnsafe(`UPDATE "AuditEvent" SET "at" = '${day}T12:00:00Z' WHERE id = ${last.id}`);
    await db().$executeRawUnsafe(`ALTER TABLE "AuditEvent" ENABLE TRIGGER "AuditEvent_no_update_delete"`);
  };
  await at("2026-12-01", { ...ada, action: "source.create", target: { kind: "source", id: 1, name: "acme" }, detail: { kind: "github" } });
  await at("2026-12-02", {
    ...ada,
    action: "owner.set",
    target: { kind: "service", id: "cart", name: "cart" },
    detail: { from: null, to: "shop" },
  });
  await at("2026-12-03", { ...ci, action: "scan.start", target: { kind: "source", id: 1, name: "acme" }, detail: { scanId: 3 } });
});

after(() => database.drop());

it("[AUDIT] GET /api/v1/audit-events lists newest first, filtered by actor, action, target and days, paged by cursor", async () => {
  const all = await list("");
  assert.deepEqual(
    all.items.map((e) => e.action),
    ["scan.start", "owner.set", "source.create"],
  );
  assert.deepEqual(all.items[1], {
    id: all.items[1]!.id,
    at: "2026-12-02T12:00:00.000Z",
    actor: { kind: "user", id: "u-ada", name: "ada@example.com" },
    action: "owner.set",
    target: { kind: "service", id: "cart", name: "cart" },
    detail: { from: null, to: "shop" },
    remoteAddress: "192.0.2.1",
    userAgent: "Firefox",
  });
  assert.deepEqual(
    (await list("?actor=ADA")).items.map((e) => e.action),
    ["owner.set", "source.create"],
  );
  assert.deepEqual(
    (await list("?action=source")).items.map((e) => e.action),
    ["source.create"],
  );
  assert.deepEqual(
    (await list("?action=scan.start")).items.map((e) => e.actor.kind),
    ["token"],
  );
  assert.deepEqual(
    (await list("?target=acme")).items.map((e) => e.action),
    ["scan.start", "source.create"],
  );
  // Days count whole: from the 2nd through the 3rd.
  assert.deepEqual(
    (await list("?from=2026-12-02&to=2026-12-03")).items.map((e) => e.action),
    ["scan.start", "owner.set"],
  );

  const first = await list("?limit=2");
  assert.equal(first.items.length, 2);
  assert.ok(first.nextCursor);
  const second = await list(`?limit=2&cursor=${encodeURIComponent(first.nextCursor)}`);
  assert.deepEqual(
    second.items.map((e) => e.action),
    ["source.create"],
  );
  assert.equal(second.nextCursor, null);

  const bad = await get(listEvents, "/api/v1/audit-events?from=yesterday");
  assert.equal(bad.status, 400);
  assert.ok(apiErrorBody.parse(await bad.json()).error.fields?.from);
});

it("[AUDIT] the CSV export has every matching event, formula cells neutralised", async () => {
  const response = await get(exportAudit, "/api/export/audit?target=acme");
  assert.equal(response.status, 200);
  assert.match(response.headers.get("content-type") ?? "", /^text\/csv/);
  const lines = (await response.text()).trimEnd().split("\r\n");
  assert.equal(lines[0], "id,at,actor_kind,actor_id,actor_name,action,target_kind,target_id,target_name,detail,remote_address,user_agent");
  assert.equal(lines.length, 3);
  // The token's name began with "=": a spreadsheet shows it as text, never runs it.
  assert.match(
    lines[1]!,
    /^\d+,2026-12-03T12:00:00.000Z,token,7,"'=HYPERLINK\(""http:\/\/evil""\)",scan\.start,source,1,acme,"\{""scanId"":3\}",,$/,
  );
  assert.match(lines[2]!, /,user,u-ada,ada@example.com,source.create,source,1,acme,/);
});

it("[AUDIT] only admins read the audit log: a viewer's token gets 403 from the API and the export", async () => {
  const { secret, hash, prefix } = newTokenSecret();
  await db().apiToken.create({ data: { name: "reader", role: "viewer", prefix, hash, createdBy: "test" } });
  const auth = { authorization: `Bearer ${secret}` };
  const api = await get(listEvents, "/api/v1/audit-events", auth);
  assert.equal(api.status, 403);
  assert.equal(apiErrorBody.parse(await api.json()).error.code, "forbidden");
  assert.equal((await get(exportAudit, "/api/export/audit", auth)).status, 403);
  assert.equal((await get(listEvents, "/api/v1/audit-events", { authorization: "Bearer dzn_nottherightone" })).status, 401);
});
