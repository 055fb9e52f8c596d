import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import pg from "pg";
import { db } from "@/lib/db";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { useTestDatabase } from "@/test/support/test-database";

const actor = { kind: "local" as const, id: "local", name: "local user", role: "admin" as const };
const origin = { remoteAddress: "203.0.113.7", userAgent: "curl/8.5" };

let database: Awaited<ReturnType<typeof useTestDatabase>>;
before(async () => {
  database = await useTestDatabase();
});
after(() => database.drop());

test("[AUDIT] records who, what, which target, the change and from where; secret-named keys never land", async () => {
  await recordAuditEvent({
    actor,
    origin,
    action: "source.create",
    target: { kind: "source", id: 7, name: "acme" },
    detail: { kind: "github", config: { owner: "acme", tokenEnv: "GITHUB_TOKEN", token: "ghp_secretvalue" }, password: "hunter2" },
  });
  const row = await db().auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } });
  assert.equal(row.actorKind, "local");
  assert.equal(row.actorName, "local user");
  assert.equal(row.action, "source.create");
  assert.deepEqual([row.targetKind, row.targetId, row.targetName], ["source", "7", "acme"]);
  assert.deepEqual(row.detail, {
    kind: "github",
    config: { owner: "acme", tokenEnv: "GITHUB_TOKEN", token: "[redacted]" },
    password: "[redacted]",
  });
  assert.deepEqual([row.remoteAddress, row.userAgent], ["203.0.113.7", "curl/8.5"]);
  assert.ok(Date.now() - row.at.getTime() < 60_000);
});

test("[AUDIT] an event written in a mutation's transaction goes when the mutation fails", async () => {
  const before = await db().auditEvent.count();
  await assert.rejects(
    db().$transaction(async (tx) => {
      await tx.source.create({ data: { name: "doomed", kind: "local", location: "/tmp" } });
      await recordAuditEvent({ tx, actor, origin, action: "source.create", target: { kind: "source", name: "doomed" } });
      throw new Error("the mutation failed after its event");
    }),
    /mutation failed/,
  );
  assert.equal(await db().auditEvent.count(), before);
  assert.equal(await db().source.count({ where: { name: "doomed" } }), 0);
});

test("[AUDIT] the log is append-only: UPDATE, DELETE and TRUNCATE raise, even for a superuser and a fresh role", async () => {
  await recordAuditEvent({ actor, origin, action: "scan.start", target: { kind: "source", id: 1, name: "x" } });
  const count = await db().auditEvent.count();
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    for (const sql of [`UPDATE "AuditEvent" SET "actorName" = 'someone else'`, `DELETE FROM "AuditEvent"`, `TRUNCATE "AuditEvent"`])
      await assert.rejects(client.query(sql), /append-only/, sql);
    // A role that owns nothing but was granted every privilege on the table (as an app role would be).
    const role = `audit_app_${process.pid}`;
    await client.query(`CREATE ROLE ${role}`);
    await client.query(`GRANT ALL ON "AuditEvent" TO ${role}`);
    await client.query(`SET ROLE ${role}`);
    await assert.rejects(client.query(`DELETE FROM "AuditEvent"`), /append-only/);
    await client.query(`RESET ROLE`);
    await client.query(`REVOKE ALL ON "AuditEvent" FROM ${role}`);
    await client.query(`DROP ROLE ${role}`);
  } finally {
    await client.end();
  }
  assert.equal(await db().auditEvent.count(), count);
  assert.equal(await db().auditEvent.count({ where: { actorName: "someone else" } }), 0);
  // Inserting is what the log is for.
  await assert.doesNotReject(
    db().auditEvent.create({
      data: { actorKind: "local", actorId: "local", actorName: "local user", action: "scan.start", targetKind: "source" },
    }),
  );
});
