import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, before, test } from "node:test";
import { GET as listChannels, POST as addChannel } from "@/app/api/v1/channels/route";
import { DELETE as removeChannel } from "@/app/api/v1/channels/[id]/route";
import { db } from "@/lib/db";
import { runDozen as dozen, serveApiRoutes } from "@/test/support/serve-api-routes";
import { useTestDatabase } from "@/test/support/test-database";

// Read when used: the allow-list a channel's host is checked against and the key its URL is sealed with.
process.env.DOZEN_SECRET_KEY = randomBytes(32).toString("base64");
process.env.DOZEN_WEBHOOK_HOSTS = "hooks.slack.com";

const WEBHOOK = "https://hooks.slack.com/services/T000/B000/abcdefghijklmnop";
let database: Awaited<ReturnType<typeof useTestDatabase>>;
let api: Awaited<ReturnType<typeof serveApiRoutes>>;
let url: string;

before(async () => {
  database = await useTestDatabase();
  await db().team.create({ data: { slug: "team-pay", name: "team-pay" } });
  api = await serveApiRoutes([
    ["GET", /^\/api\/v1\/channels$/, listChannels],
    ["POST", /^\/api\/v1\/channels$/, addChannel],
    ["DELETE", /^\/api\/v1\/channels\/(?<id>[^/]+)$/, removeChannel],
  ]);
  url = api.url;
});
after(async () => {
  await api.close();
  await database.drop();
});

test("dozen channels add, list and remove a team's channel through the API; the URL is never printed", async () => {
  const added = await dozen(["channels", "add", "--team", "team-pay", "--kind", "slack", "--address", WEBHOOK, "--url", url]);
  assert.equal(added.code, 0, added.err);
  const id = /^Added channel (\d+): /.exec(added.out)?.[1];
  assert.ok(id, added.out);
  assert.match(added.out, /\tteam-pay\tslack\thooks\.slack\.com …mnop\tnever sent$/);

  const listed = await dozen(["channels", "list", "--team", "team-pay", "--url", url]);
  assert.equal(listed.code, 0, listed.err);
  assert.equal(listed.out, `${id}\tteam-pay\tslack\thooks.slack.com …mnop\tnever sent`);
  assert.ok(!`${added.out}${listed.out}`.includes("/services/"), "the webhook URL (a credential) is not printed");
  const json = await dozen(["channels", "--json", "--url", url]);
  assert.deepEqual(
    (JSON.parse(json.out) as { items: { id: number }[] }).items.map((c) => c.id),
    [Number(id)],
  );

  const removed = await dozen(["channels", "remove", id, "--url", url]);
  assert.equal(removed.code, 0, removed.err);
  assert.equal(removed.out, `Removed channel ${id}.`);
  assert.equal((await dozen(["channels", "list", "--url", url])).out, "No channels.");
  assert.equal((await dozen(["channels", "remove", id, "--url", url])).code, 1, "a channel already gone is a refusal");
});

test("dozen channels add refuses a host off the allow-list (server) and a bad kind (before sending)", async () => {
  const refused = await dozen([
    "channels",
    "add",
    "--team",
    "team-pay",
    "--kind",
    "slack",
    "--address",
    "https://evil.example/x",
    "--url",
    url,
  ]);
  assert.equal(refused.code, 1);
  assert.match(refused.err, /^dozen: /);
  assert.ok(!refused.err.includes("/x"), "the refusal does not repeat the URL");
  const usage = await dozen(["channels", "add", "--team", "team-pay", "--kind", "pager", "--address", WEBHOOK, "--url", url]);
  assert.equal(usage.code, 2);
  assert.match(usage.err, /kind/);
  assert.equal(await db().notificationChannel.count(), 0);
});
