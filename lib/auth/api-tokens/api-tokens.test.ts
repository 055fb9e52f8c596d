import { after, before, it } from "node:test";
import assert from "node:assert/strict";
import { createApiToken } from "@/lib/auth/api-tokens/create-api-token";
import { listApiTokens } from "@/lib/auth/api-tokens/list-api-tokens";
import { BEARER_FAILURE_LIMIT, principalFromBearerToken } from "@/lib/auth/api-tokens/principal-from-bearer-token";
import { revokeApiToken } from "@/lib/auth/api-tokens/revoke-api-token";
import { hashTokenSecret } from "@/lib/auth/api-tokens/token-secret";
import { db } from "@/lib/db";
import { ConflictError, NotFoundError, TooManyRequestsError } from "@/lib/errors";
import { useTestDatabase } from "@/test/support/test-database";

let database: Awaited<ReturnType<typeof useTestDatabase>>;
before(async () => {
  database = await useTestDatabase();
});
after(async () => database.drop());

const NOW = new Date("2026-12-05T12:00:00Z");
const audit = {
  actor: { kind: "local" as const, id: "local", name: "local user" },
  origin: { remoteAddress: "127.0.0.1", userAgent: "test" },
};
const later = (ms: number) => new Date(NOW.getTime() + ms);

it("makes a token whose secret is shown once and stored only as its hash", async () => {
  const made = await createApiToken({ input: { name: "ci", role: "viewer" }, audit, now: NOW });
  assert.match(made.secret, /^dzn_[A-Za-z0-9_-]{43}$/);
  assert.equal(made.prefix, made.secret.slice(0, 12));
  assert.deepEqual(made.expiresAt, later(90 * 24 * 3600 * 1000), "90 days unless told otherwise");
  const row = await db().apiToken.findUniqueOrThrow({ where: { id: made.id } });
  assert.equal(row.hash, hashTokenSecret(made.secret));
  assert.ok(!JSON.stringify(row).includes(made.secret.slice(12)), "no part of the secret past its prefix is stored");
  const listed = (await listApiTokens()).find((t) => t.id === made.id);
  assert.deepEqual(Object.keys(listed ?? {}).includes("hash"), false);
  assert.equal(listed?.createdBy, "local user");
});

it("answers the principal of a valid token, and nothing for a wrong, revoked or expired one", async () => {
  const admin = await createApiToken({ input: { name: "deploy bot", role: "admin", expiresIn: "1h" }, audit, now: NOW });
  assert.deepEqual(await principalFromBearerToken({ token: admin.secret, from: "10.0.0.1", now: NOW }), {
    kind: "token",
    id: String(admin.id),
    name: "deploy bot",
    role: "admin",
  });
  assert.equal(await principalFromBearerToken({ token: admin.secret, from: "10.0.0.1", now: later(3600 * 1000) }), null, "expired");
  const wrong = `${admin.secret.slice(0, -1)}${admin.secret.endsWith("A") ? "B" : "A"}`;
  assert.equal(await principalFromBearerToken({ token: wrong, from: "10.0.0.1", now: NOW }), null);
  assert.equal(await principalFromBearerToken({ token: "not a token", from: "10.0.0.1", now: NOW }), null);

  const viewer = await createApiToken({ input: { name: "script", role: "viewer", expiresIn: "never" }, audit, now: NOW });
  assert.equal(viewer.expiresAt, null);
  assert.equal(
    (await principalFromBearerToken({ token: viewer.secret, from: "10.0.0.1", now: later(5 * 365 * 24 * 3600 * 1000) }))?.role,
    "viewer",
  );
  const revoked = await revokeApiToken({ ref: viewer.prefix, audit, now: NOW });
  assert.deepEqual(revoked, { id: viewer.id, name: "script", prefix: viewer.prefix, alreadyRevoked: false });
  assert.equal(await principalFromBearerToken({ token: viewer.secret, from: "10.0.0.1", now: NOW }), null);
  assert.equal((await revokeApiToken({ ref: String(viewer.id), audit })).alreadyRevoked, true);
  const events = await db().auditEvent.findMany({ where: { targetKind: "token", targetId: String(viewer.id) }, orderBy: { id: "asc" } });
  assert.deepEqual(
    events.map((e) => [e.action, e.actorName, e.remoteAddress]),
    [
      ["token.create", "local user", "127.0.0.1"],
      ["token.revoke", "local user", "127.0.0.1"],
    ],
    "made and revoked once each in the audit log, revoking twice is one event",
  );
  assert.ok(!JSON.stringify(events.map((e) => e.detail)).includes(viewer.secret.slice(12)));
});

it("keeps a maintainer token to its teams", async () => {
  const made = await createApiToken({
    input: { name: "payments ci", role: "maintainer", teams: ["payments", "payments"] },
    audit,
  });
  const principal = await principalFromBearerToken({ token: made.secret, from: "10.0.0.2" });
  assert.deepEqual(principal?.teams, ["payments"]);
  const viewer = await createApiToken({ input: { name: "reader", role: "viewer", teams: ["payments"] }, audit });
  assert.equal((await principalFromBearerToken({ token: viewer.secret, from: "10.0.0.2" }))?.teams, undefined);
});

it("writes a token's last use at most once a minute", async () => {
  const made = await createApiToken({ input: { name: "busy", role: "viewer" }, audit, now: NOW });
  const lastUse = async () => (await listApiTokens()).find((t) => t.id === made.id);
  await principalFromBearerToken({ token: made.secret, from: "192.0.2.1", now: NOW });
  assert.deepEqual([(await lastUse())?.lastUsedAt, (await lastUse())?.lastUsedFrom], [NOW, "192.0.2.1"]);
  await principalFromBearerToken({ token: made.secret, from: "192.0.2.9", now: later(59_000) });
  assert.deepEqual([(await lastUse())?.lastUsedAt, (await lastUse())?.lastUsedFrom], [NOW, "192.0.2.1"]);
  await principalFromBearerToken({ token: made.secret, from: "192.0.2.9", now: later(61_000) });
  assert.deepEqual([(await lastUse())?.lastUsedAt, (await lastUse())?.lastUsedFrom], [later(61_000), "192.0.2.9"]);
});

it("refuses an address with 429 after repeated failures, until its window ends, and no other address", async () => {
  const good = await createApiToken({ input: { name: "good", role: "viewer" }, audit, now: NOW });
  for (let i = 0; i < BEARER_FAILURE_LIMIT; i++)
    assert.equal(await principalFromBearerToken({ token: `dzn_${"x".repeat(43)}`, from: "203.0.113.7", now: NOW }), null);
  const refused = await principalFromBearerToken({ token: good.secret, from: "203.0.113.7", now: later(1000) }).catch((e: unknown) => e);
  assert.ok(refused instanceof TooManyRequestsError);
  assert.equal(refused.retryAfterSeconds, 599);
  assert.equal((await principalFromBearerToken({ token: good.secret, from: "203.0.113.8", now: later(1000) }))?.name, "good");
  assert.equal((await principalFromBearerToken({ token: good.secret, from: "203.0.113.7", now: later(10 * 60 * 1000) }))?.name, "good");
});

it("refuses to revoke what it cannot name exactly", async () => {
  await assert.rejects(revokeApiToken({ ref: "99999", audit }), NotFoundError);
  await assert.rejects(revokeApiToken({ ref: "dzn_", audit }), NotFoundError, "too short a prefix matches nothing");
  await db().apiToken.createMany({
    data: ["a", "b"].map((n) => ({ name: n, role: "viewer" as const, prefix: "dzn_SAMEPREF", hash: `h-${n}`, createdBy: "t" })),
  });
  await assert.rejects(revokeApiToken({ ref: "dzn_SAMEPREF", audit }), ConflictError);
});
