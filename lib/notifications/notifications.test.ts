import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, it } from "node:test";
import { GET as listChannelsRoute, POST as createChannelRoute } from "@/app/api/v1/channels/route";
import { DELETE as deleteChannelRoute } from "@/app/api/v1/channels/[id]/route";
import { GET as deliveriesRoute } from "@/app/api/v1/channels/[id]/deliveries/route";
import { channelList, channelSchema, deliveryList } from "@/lib/api/schemas/channels";
import { apiErrorBody } from "@/lib/api/schemas/common";
import { db } from "@/lib/db";
import { createBoss } from "@/lib/jobs/create-boss";
import { QUEUES } from "@/lib/jobs/queues";
import { createChannel } from "@/lib/notifications/create-channel";
import { recordExpiringExemptions } from "@/lib/notifications/record-expiring-exemptions";
import { createExemption } from "@/lib/persistence/exemptions/create-exemption";
import { finishScan } from "@/lib/persistence/scan-run/finish-scan";
import { createSession } from "@/lib/auth/sessions/create-session";
import type { Principal } from "@/lib/auth/principal";
import { readSecretKey, SECRET_KEY_FILE } from "@/lib/notifications/read-secret-key";
import { pruneNotifications } from "@/lib/notifications/prune-notifications";
import { recordWeeklyDigests } from "@/lib/notifications/record-weekly-digests";
import { startWorker } from "@/test/github/worker-processes";
import { startMailReceiver } from "@/test/notifications/mail-receiver";
import { startWebhookReceiver } from "@/test/notifications/webhook-receiver";
import { scanIntoDatabase } from "@/test/support/scan-into-database";
import { useTestDatabase } from "@/test/support/test-database";
import { writeTestTree } from "@/test/support/write-test-tree";

// Read when used (env's allow-lists and key): set before anything asks, and passed on to the worker process.
const dataDir = mkdtempSync(path.join(tmpdir(), "dozen-notify-"));
process.env.DOZEN_LOCAL_ROOTS = tmpdir();
process.env.DOZEN_SECRET_KEY = randomBytes(32).toString("base64");
process.env.DOZEN_WEBHOOK_HOSTS = "127.0.0.1";
process.env.DOZEN_NOTIFY_RETRY_SECONDS = "1";

const SECRET = "a-shared-secret-of-the-team";
let database: Awaited<ReturnType<typeof useTestDatabase>>;
let hook: Awaited<ReturnType<typeof startWebhookReceiver>>;
let mail: Awaited<ReturnType<typeof startMailReceiver>>;

before(async () => {
  database = await useTestDatabase();
  hook = await startWebhookReceiver({ secret: SECRET, signedPaths: /^\/generic/ });
  mail = await startMailReceiver();
  process.env.DOZEN_SMTP_URL = mail.url;
  await db().team.create({ data: { slug: "team-pay", name: "team-pay" } });
});
after(async () => {
  await hook.close();
  await mail.close();
  await database.drop();
});

const post = (body: unknown) =>
  createChannelRoute(
    new Request("http://dozen.test/api/v1/channels", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    }),
    undefined,
  );

it("POST /api/v1/channels answers 201 with host and last 4 only; the URL and secret are stored sealed and audited by host", async () => {
  const url = hook.url("/services/T000/B000/XXXXsecretTOKEN1234");
  const response = await post({ team: "team-pay", kind: "webhook", url, secret: SECRET });
  assert.equal(response.status, 201, await response.clone().text());
  const text = await response.text();
  const channel = channelSchema.parse(JSON.parse(text));
  assert.deepEqual([channel.team, channel.kind, channel.host, channel.hint], ["team-pay", "webhook", new URL(url).host, "1234"]);
  assert.ok(!text.includes("secretTOKEN") && !text.includes(SECRET), "neither the URL nor the secret is answered");
  const listed = await (await listChannelsRoute(new Request("http://dozen.test/api/v1/channels?team=team-pay"), undefined)).text();
  assert.equal(channelList.parse(JSON.parse(listed)).items.length, 1);
  assert.ok(!listed.includes("secretTOKEN") && !listed.includes(SECRET));
  const row = await db().notificationChannel.findUniqueOrThrow({ where: { id: channel.id } });
  assert.match(row.target, /^v1\./);
  assert.ok(!row.target.includes("secretTOKEN") && !(row.secret ?? "").includes(SECRET), "stored sealed");
  const audit = await db().auditEvent.findFirstOrThrow({ where: { action: "channel.create" } });
  const logged = JSON.stringify({ ...audit, id: String(audit.id) });
  assert.ok(!logged.includes("secretTOKEN") && !logged.includes(SECRET));
  assert.equal((audit.detail as { host: string }).host, new URL(url).host);
  await db().notificationChannel.delete({ where: { id: channel.id } });
});

it("refuses a webhook host not allowed (400), a webhook without a secret, and an unknown team (404)", async () => {
  const refusals = [
    [{ team: "team-pay", kind: "slack", url: "https://hooks.evil.example/services/x" }, 400, "url"],
    [{ team: "team-pay", kind: "webhook", url: hook.url() }, 400, "secret"],
    [{ team: "team-pay", kind: "slack", url: "http://10.0.0.1/hook" }, 400, "url"],
    [{ team: "nobody", kind: "slack", url: hook.url() }, 404, null],
  ] as const;
  for (const [body, status, field] of refusals) {
    const response = await post(body);
    assert.equal(response.status, status, JSON.stringify(body));
    const error = apiErrorBody.parse(await response.json()).error;
    if (field) assert.ok(error.fields?.[field], `${JSON.stringify(body)}: ${JSON.stringify(error)}`);
  }
  assert.equal(await db().notificationChannel.count(), 0);
});

it("DELETE /api/v1/channels/{id} removes it (204) and records channel.delete", async () => {
  const response = await post({ team: "team-pay", kind: "slack", url: hook.url("/slack") });
  const { id } = channelSchema.parse(await response.json());
  const deleted = await deleteChannelRoute(new Request(`http://dozen.test/api/v1/channels/${id}`, { method: "DELETE" }), {
    params: Promise.resolve({ id: String(id) }),
  });
  assert.equal(deleted.status, 204);
  assert.equal(await db().notificationChannel.count({ where: { id } }), 0);
  assert.equal(await db().auditEvent.count({ where: { action: "channel.delete", targetId: String(id) } }), 1);
});

it("with sign-in, the team's maintainers and admins manage its channels; another team's maintainer and a viewer get 403", async () => {
  const secret = "notifications-test-session-secret-32+";
  const signIn = {
    DOZEN_OIDC_ISSUER: "http://127.0.0.1:9/never-asked",
    DOZEN_OIDC_CLIENT_ID: "dozen",
    DOZEN_OIDC_CLIENT_SECRET: "secret",
    DOZEN_SESSION_SECRET: secret,
  };
  Object.assign(process.env, signIn);
  try {
    const as = async (user: { role: Principal["role"]; teams?: string[] }, body: unknown) => {
      const { cookie } = await createSession({
        user: { subject: `s-${user.role}-${user.teams}`, name: user.role, ...user },
        secret,
        ttlMs: 60_000,
      });
      return createChannelRoute(
        new Request("http://dozen.test/api/v1/channels", {
          method: "POST",
          headers: { "content-type": "application/json", cookie: `dozen_session=${cookie}` },
          body: JSON.stringify(body),
        }),
        undefined,
      );
    };
    const body = { team: "team-pay", kind: "slack", url: hook.url("/roles") };
    assert.equal((await as({ role: "viewer" }, body)).status, 403);
    assert.equal((await as({ role: "maintainer", teams: ["team-other"] }, body)).status, 403);
    const made = await as({ role: "maintainer", teams: ["team-pay"] }, body);
    assert.equal(made.status, 201, await made.clone().text());
    assert.equal((await as({ role: "admin" }, body)).status, 201);
    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: "channel.create", actorName: "maintainer" } });
    assert.equal((audit.detail as { team: string }).team, "team-pay");
  } finally {
    for (const k of Object.keys(signIn)) delete process.env[k];
    await db().notificationChannel.deleteMany({});
  }
});

it("local mode keeps one random key per data directory (0600); with sign-in and no DOZEN_SECRET_KEY, channels are refused", async () => {
  const given = process.env.DOZEN_SECRET_KEY;
  delete process.env.DOZEN_SECRET_KEY;
  try {
    const first = readSecretKey({ dataDir });
    assert.equal(first.length, 32);
    assert.deepEqual(readSecretKey({ dataDir }), first, "the same key on every read");
    const file = path.join(dataDir, SECRET_KEY_FILE);
    assert.equal(statSync(file).mode & 0o777, 0o600);
    assert.equal(Buffer.from(readFileSync(file, "utf8").trim(), "base64").length, 32);
    Object.assign(process.env, {
      DOZEN_OIDC_ISSUER: "https://id.example.com",
      DOZEN_OIDC_CLIENT_ID: "dozen",
      DOZEN_OIDC_CLIENT_SECRET: "s",
      DOZEN_SESSION_SECRET: "x".repeat(32),
    });
    await assert.rejects(
      createChannel({
        input: { team: "team-pay", kind: "slack", url: hook.url() },
        audit: { actor: { kind: "local", id: "local", name: "local user" }, origin: null },
      }),
      /DOZEN_SECRET_KEY is not set/,
    );
  } finally {
    for (const k of ["DOZEN_OIDC_ISSUER", "DOZEN_OIDC_CLIENT_ID", "DOZEN_OIDC_CLIENT_SECRET", "DOZEN_SESSION_SECRET"])
      delete process.env[k];
    process.env.DOZEN_SECRET_KEY = given;
  }
});

const CATALOG =
  "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: pay-api\nspec:\n  type: service\n  owner: team-pay\n";
const GOOD = {
  "pay-api/catalog-info.yaml": CATALOG,
  "pay-api/package.json": JSON.stringify({ name: "pay-api", dependencies: { express: "4.19.2" }, scripts: { start: "node index.js" } }),
  "pay-api/package-lock.json": JSON.stringify({ name: "pay-api", lockfileVersion: 3, packages: {} }),
  "pay-api/index.js":
    "const express = require('express');\nconst app = express();\napp.get('/healthz', (req, res) => res.send('ok'));\n" +
    "const server = app.listen(process.env.PORT || 3000);\nprocess.on('SIGTERM', () => server.close());\n",
};
const BROKEN = {
  ...GOOD,
  "pay-api/.env": "DATABASE_URL=postgres://pay:hunter2@db/pay\n",
  "pay-api/index.js": "const express = require('express');\nconst app = express();\napp.listen(8080);\n",
};

const failingOf = async () => {
  const s = await db().service.findFirstOrThrow({ where: { name: "pay-api" }, select: { latestChecks: true } });
  return Object.entries(s.latestChecks as Record<string, string>)
    .filter(([, o]) => o === "fail")
    .map(([id]) => id);
};

async function until<T>(what: string, probe: () => Promise<T | undefined | null | false>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    assert.ok(Date.now() < deadline, `timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

it("a scan that breaks checks is told once to each channel by a real worker: signed webhook retried with back-off, Slack, e-mail", async () => {
  const audit = { actor: { kind: "local" as const, id: "local", name: "local user" }, origin: null };
  const webhook = await createChannel({
    input: { team: "team-pay", kind: "webhook", url: hook.url("/generic"), secret: SECRET, minScoreDrop: 100 },
    audit,
  });
  const slack = await createChannel({ input: { team: "team-pay", kind: "slack", url: hook.url("/slack"), minScoreDrop: 0.1 }, audit });
  const teams = await createChannel({ input: { team: "team-pay", kind: "teams", url: hook.url("/teams") }, audit });
  const email = await createChannel({ input: { team: "team-pay", kind: "email", url: "mailto:pay-team@example.com" }, audit });

  const root = await writeTestTree({ files: GOOD });
  const first = await scanIntoDatabase({ root, name: "pay" });
  assert.equal(first.status, "succeeded");
  assert.equal(await db().notificationEvent.count(), 0, "the first scan only sets the baseline");
  const before = await failingOf();

  for (const [file, content] of Object.entries(BROKEN)) writeFileSync(path.join(root, file), content);
  const second = await scanIntoDatabase({ root, name: "pay" });
  const newly = (await failingOf()).filter((id) => !before.includes(id)).sort();
  assert.ok(newly.length > 0, "the broken tree fails more checks");
  const events = await db().notificationEvent.findMany({ where: { scanId: second.scanId }, select: { kind: true, payload: true } });
  const failing = events.find((e) => e.kind === "check.failing");
  assert.deepEqual((failing?.payload as { checks: string[] }).checks, newly, "check.failing names exactly the newly failing checks");
  assert.ok(
    events.some((e) => e.kind === "grade.dropped" || e.kind === "score.dropped"),
    JSON.stringify(events.map((e) => e.kind)),
  );

  hook.fail(2);
  const worker = startWorker({ databaseUrl: database.url, name: "worker", concurrency: 2 });
  const sender = createBoss({ role: "web", url: database.url });
  try {
    await sender.start();
    await until("the worker's queues", async () => (await sender.getQueues()).some((q) => q.name === QUEUES.dispatchNotifications));
    // The worker keeps the dispatcher's and the digest's crons, once for all workers.
    const crons = await until("the crons", async () => {
      const [dispatch, digest] = await Promise.all([
        sender.getSchedules(QUEUES.dispatchNotifications),
        sender.getSchedules(QUEUES.weeklyDigest),
      ]);
      return dispatch.length && digest.length ? [dispatch[0]!.cron, digest[0]!.cron] : null;
    });
    assert.deepEqual(crons, ["* * * * *", "0 8 * * 1"]);
    await sender.send(QUEUES.dispatchNotifications, {});
    const done = await until("every delivery to finish", async () => {
      const rows = await db().notificationDelivery.findMany({ orderBy: { id: "asc" } });
      return rows.length > 0 && rows.every((d) => d.status === "delivered" || d.status === "failed") ? rows : null;
    });
    const generic = done.filter((d) => d.channelId === webhook.id);
    assert.ok(
      done.every((d) => d.status === "delivered"),
      JSON.stringify(done),
    );
    // Each channel's own threshold: 100 points keeps score.dropped from the generic webhook, 0.1 lets it reach Slack.
    const kindsOf = async (channelId: number) =>
      (await db().notificationEvent.findMany({ where: { deliveries: { some: { channelId } } }, select: { kind: true } })).map(
        (e) => e.kind,
      );
    assert.ok(!(await kindsOf(webhook.id)).includes("score.dropped"));
    const scoreDropped = events.some((e) => e.kind === "score.dropped");
    assert.equal((await kindsOf(slack.id)).includes("score.dropped"), scoreDropped);
    const accepted = hook.received.filter((r) => r.status === 200);
    assert.equal(accepted.length, done.filter((d) => d.channelId !== email.id).length, "each webhook delivery accepted exactly once");
    assert.equal(hook.received.filter((r) => r.status === 500).length, 2);
    assert.ok(
      done.some((d) => d.attempts > 1),
      "the failed attempts were retried",
    );
    for (const r of hook.received.filter((x) => x.path === "/generic")) {
      assert.equal(r.signed, true, "the signature verifies with the shared secret");
      const body = JSON.parse(r.body) as { id: string; kind: string; team: string; subject: string };
      assert.equal(body.team, "team-pay");
      assert.equal(r.headers["x-dozen-delivery"], `${body.id}@channel:${webhook.id}`);
    }
    const slackBodies = hook.received
      .filter((r) => r.path === "/slack" && r.status === 200)
      .map((r) => JSON.parse(r.body) as { text: string });
    assert.ok(
      slackBodies.some((b) => b.text.includes("pay-api now fails")),
      JSON.stringify(slackBodies),
    );
    assert.ok(hook.received.filter((r) => r.path === "/slack").every((r) => r.headers["x-dozen-signature-256"] === undefined));
    const card = hook.received.find((r) => r.path === "/teams" && r.status === 200);
    const teamsBody = JSON.parse(card?.body ?? "{}") as { attachments?: { contentType: string; content: { body: { text: string }[] } }[] };
    assert.equal(teamsBody.attachments?.[0]?.contentType, "application/vnd.microsoft.card.adaptive");
    assert.ok(done.some((d) => d.channelId === teams.id));
    const mails = await until("the e-mails", async () =>
      mail.received.length >= done.filter((d) => d.channelId === email.id).length ? mail.received : null,
    );
    assert.ok(mails.every((m) => m.to.includes("pay-team@example.com")));
    assert.ok(
      mails.some((m) => /Subject: \[Dozen\] pay-api now fails/.test(m.raw)),
      mails.map((m) => m.raw.slice(0, 300)).join("\n---\n"),
    );

    // At-least-once, never twice to a receiver that has it: dispatching and delivering again sends nothing.
    const seen = hook.received.length;
    await sender.send(QUEUES.dispatchNotifications, {});
    for (const d of done) await sender.send(QUEUES.deliverNotification, { deliveryId: d.id });
    await new Promise((r) => setTimeout(r, 3000));
    assert.equal(hook.received.length, seen);
    assert.equal(await db().notificationDelivery.count(), done.length);

    // The API's delivery log of a channel says the same, newest first.
    const log = await deliveriesRoute(new Request(`http://dozen.test/api/v1/channels/${webhook.id}/deliveries`), {
      params: Promise.resolve({ id: String(webhook.id) }),
    });
    assert.equal(log.status, 200);
    const { items } = deliveryList.parse(await log.json());
    assert.deepEqual(
      items.map((d) => [d.status, d.attempts]),
      generic.map((d) => [d.status, d.attempts]).reverse(),
    );
  } finally {
    await sender.stop({ graceful: false, close: true });
    worker.stop("SIGTERM");
    await worker.exited;
  }
});

it("a receiver that refuses for good (4xx) or redirects is not retried; the log says why without the URL", async () => {
  hook.answer(302);
  const audit = { actor: { kind: "local" as const, id: "local", name: "local user" }, origin: null };
  const channel = await createChannel({
    input: { team: "team-pay", kind: "slack", url: hook.url("/moved/TOKEN9999"), fleetDigest: true },
    audit,
  });
  await recordWeeklyDigests();
  const worker = startWorker({ databaseUrl: database.url, name: "worker-2", concurrency: 1 });
  const sender = createBoss({ role: "web", url: database.url });
  try {
    await sender.start();
    await sender.send(QUEUES.dispatchNotifications, {});
    const rows = await until("the digest deliveries", async () => {
      const found = await db().notificationDelivery.findMany({ where: { channelId: channel.id } });
      return found.length === 2 && found.every((d) => d.status === "failed") ? found : null;
    });
    for (const d of rows) {
      assert.equal(d.attempts, 1, "a redirect is not retried");
      assert.equal(d.lastCode, 302);
      assert.match(d.lastError ?? "", /redirect, not followed/);
      assert.ok(!(d.lastError ?? "").includes("TOKEN9999"));
    }
    const digests = await db().notificationEvent.findMany({ where: { kind: "digest.weekly" }, select: { teamId: true, payload: true } });
    assert.equal(digests.length, 2, "the team's digest and the fleet's");
    assert.ok(digests.every((e) => (e.payload as { lines: string[] }).lines.some((l) => l.startsWith("New failures"))));
    assert.equal((await recordWeeklyDigests()).events, 0, "a week is digested once");
  } finally {
    hook.answer(null);
    await sender.stop({ graceful: false, close: true });
    worker.stop("SIGTERM");
    await worker.exited;
  }
});

it("a failed scan of a source is told to the teams owning its services", async () => {
  const source = await db().source.findFirstOrThrow({ where: { name: "pay" }, select: { id: true } });
  const scan = await db().scan.create({
    data: { sourceId: source.id, trigger: "manual", rulesVersion: "test", status: "running" },
    select: { id: true },
  });
  const { status } = await finishScan({ scanId: scan.id, error: "source directory is gone" });
  assert.equal(status, "failed");
  const events = await db().notificationEvent.findMany({ where: { scanId: scan.id }, select: { kind: true, payload: true, team: true } });
  assert.deepEqual(
    events.map((e) => [e.kind, e.team?.slug]),
    [["scan.failed", "team-pay"]],
  );
  assert.equal((events[0]?.payload as { subject: string }).subject, "The scan of pay failed");
  await finishScan({ scanId: scan.id, error: "source directory is gone" });
  assert.equal(await db().notificationEvent.count({ where: { scanId: scan.id } }), 1, "closing it again tells nothing twice");
});

it("an exemption expiring within 7 days is told once to its team; one expiring later is not", async () => {
  const service = await db().service.findFirstOrThrow({
    where: { team: { slug: "team-pay" } },
    select: { slug: true, latestChecks: true },
  });
  const checkId = Object.keys(service.latestChecks as Record<string, string>)[0]!;
  const local = { kind: "local" as const, id: "local", name: "local user", role: "admin" as const };
  const make = (days: number) =>
    createExemption({
      input: {
        service: service.slug,
        checkId,
        kind: "accepted-risk",
        reason: "vendor patch due",
        expiresAt: new Date(Date.now() + days * 86_400_000).toISOString(),
      },
      principal: local,
      audit: { actor: local, origin: null },
      origin: "api",
    });
  const soon = await make(3);
  await make(30);
  assert.deepEqual(await recordExpiringExemptions(), { events: 1 });
  assert.deepEqual(await recordExpiringExemptions(), { events: 0 }, "idempotent per event id");
  const [event] = await db().notificationEvent.findMany({
    where: { kind: "exemption.expiring" },
    select: { key: true, payload: true, team: true },
  });
  assert.equal(event?.team?.slug, "team-pay");
  assert.match(event?.key ?? "", new RegExp(`^exemption\\.expiring:${soon.id}:`));
  assert.match(
    (event?.payload as { subject: string }).subject,
    new RegExp(`^The exemption of ${checkId} on .+ expires \\d{4}-\\d\\d-\\d\\d$`),
  );
});

it("events older than 180 days go, with their deliveries; newer ones stay", async () => {
  const events = await db().notificationEvent.count();
  assert.ok(events > 0 && (await db().notificationDelivery.count()) > 0);
  assert.equal((await pruneNotifications({ now: new Date(Date.now() + 179 * 86_400_000) })).events, 0);
  assert.equal((await pruneNotifications({ now: new Date(Date.now() + 181 * 86_400_000) })).events, events);
  assert.equal(await db().notificationDelivery.count(), 0);
});
