import assert from "node:assert/strict";
import { after, before, it } from "node:test";
import { createSession } from "@/lib/auth/sessions/create-session";
import { deleteSession } from "@/lib/auth/sessions/delete-session";
import { readSession } from "@/lib/auth/sessions/read-session";
import { signValue } from "@/lib/auth/signed-value";
import { db } from "@/lib/db";
import { useTestDatabase } from "@/test/support/test-database";

let database: Awaited<ReturnType<typeof useTestDatabase>>;
before(async () => {
  database = await useTestDatabase();
});
after(async () => database.drop());

const SECRET = "a-session-secret-of-at-least-32-chars";
const NOW = new Date("2026-12-05T12:00:00Z");
const at = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);
const user = { subject: "u1", email: "u1@acme.test", name: "Uma", role: "maintainer" as const, teams: ["payments"] };

it("a session is read back as its principal until it expires; lastSeenAt moves at most every few minutes", async () => {
  const { cookie, expiresAt } = await createSession({ user, secret: SECRET, ttlMs: 60 * 60_000, now: NOW });
  assert.deepEqual(expiresAt, at(60));
  const principal = { kind: "user", id: "u1", name: "Uma", role: "maintainer", teams: ["payments"] };
  assert.deepEqual(await readSession({ cookie, secret: SECRET, now: at(1) }), principal);
  const row = () => db().session.findFirstOrThrow({ where: { subject: "u1" } });
  assert.deepEqual((await row()).lastSeenAt, NOW, "a minute later: no write");
  assert.deepEqual(await readSession({ cookie, secret: SECRET, now: at(30) }), principal);
  assert.deepEqual((await row()).lastSeenAt, at(30));
  assert.equal(await readSession({ cookie, secret: SECRET, now: at(60) }), null, "expired");
});

it("a tampered, made-up or otherwise signed cookie reads as nobody", async () => {
  const { cookie } = await createSession({ user, secret: SECRET, ttlMs: 60 * 60_000, now: NOW });
  const [id, signature] = cookie.split(".") as [string, string];
  const flip = (s: string) => `${s.slice(0, -2)}${s.endsWith("AA") ? "BB" : "AA"}`;
  for (const forged of [
    `${flip(id)}.${signature}`,
    `${id}.${flip(signature)}`,
    id,
    `${id}.`,
    "",
    signValue({ value: id, secret: `${SECRET}x` }),
  ])
    assert.equal(await readSession({ cookie: forged, secret: SECRET, now: at(1) }), null, forged);
  assert.equal(await readSession({ cookie, secret: `${SECRET}-rotated`, now: at(1) }), null, "a new secret signs everyone out");
});

it("deleting a session ends it; making one sweeps the expired", async () => {
  const { cookie } = await createSession({ user, secret: SECRET, ttlMs: 60_000, now: NOW });
  await deleteSession({ cookie, secret: SECRET });
  assert.equal(await readSession({ cookie, secret: SECRET, now: NOW }), null);
  await createSession({ user: { ...user, subject: "u2" }, secret: SECRET, ttlMs: 60_000, now: at(24 * 60) });
  assert.equal(await db().session.count({ where: { expiresAt: { lte: at(24 * 60) } } }), 0);
});
