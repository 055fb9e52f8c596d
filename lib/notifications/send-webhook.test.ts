import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { isPrivateAddress, pinWebhookAddress, type ResolveHost } from "@/lib/notifications/pin-webhook-address";
import { sendWebhook } from "@/lib/notifications/send-webhook";
import { startWebhookReceiver } from "@/test/notifications/webhook-receiver";

// DNS rebinding: a name allowed through a `*.domain` pattern that resolves (or later resolves) to this machine,
// its network or the cloud's metadata service must not carry a webhook there. The resolver stands in for DNS.
const given = process.env.DOZEN_WEBHOOK_HOSTS;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
before(async () => {
  receiver = await startWebhookReceiver();
});
after(async () => {
  process.env.DOZEN_WEBHOOK_HOSTS = given;
  await receiver.close();
});

const answers =
  (...addresses: string[]): ResolveHost =>
  () =>
    Promise.resolve(addresses.map((address) => ({ address, family: address.includes(":") ? 6 : 4 })));

test("private, loopback, link-local and mapped addresses are told from public ones", () => {
  for (const a of [
    "127.0.0.1",
    "10.1.2.3",
    "172.20.0.1",
    "192.168.1.1",
    "169.254.169.254",
    "100.64.0.1",
    "0.0.0.0",
    "::1",
    "fd00::1",
    "fe80::1",
    "::ffff:10.0.0.1",
  ])
    assert.ok(isPrivateAddress(a), a);
  for (const a of ["93.184.216.34", "8.8.8.8", "2606:4700::1111", "::ffff:8.8.8.8"]) assert.ok(!isPrivateAddress(a), a);
});

test("a wildcard-allowed host resolving to a private address is refused, for good, naming the setting", async () => {
  process.env.DOZEN_WEBHOOK_HOSTS = "*.hooks.example";
  const url = new URL("https://team.hooks.example/services/T0/secret-token");
  for (const resolve of [answers("169.254.169.254"), answers("93.184.216.34", "10.0.0.7")]) {
    const pinned = await pinWebhookAddress({ url, resolve });
    assert.ok("refused" in pinned);
    assert.equal(pinned.permanent, true);
    assert.match(pinned.refused, /team\.hooks\.example resolves to a private or local address.*DOZEN_WEBHOOK_HOSTS/);
    assert.ok(!pinned.refused.includes("secret-token"));
  }
  assert.deepEqual(await pinWebhookAddress({ url, resolve: answers("93.184.216.34") }), { address: "93.184.216.34", family: 4 });
});

test("a host DOZEN_WEBHOOK_HOSTS names exactly may be an internal receiver", async () => {
  process.env.DOZEN_WEBHOOK_HOSTS = "alerts.corp.internal,*.hooks.example";
  const pinned = await pinWebhookAddress({ url: new URL("https://alerts.corp.internal/hook"), resolve: answers("10.0.0.5") });
  assert.deepEqual(pinned, { address: "10.0.0.5", family: 4 });
});

test("a delivery connects to the address resolved once, whatever the name answers after (no rebinding)", async () => {
  process.env.DOZEN_WEBHOOK_HOSTS = "localhost";
  const port = new URL(receiver.url()).port;
  let lookups = 0;
  // The first answer is the receiver; any later lookup would answer the metadata service.
  const resolve: ResolveHost = () => Promise.resolve([{ address: lookups++ === 0 ? "127.0.0.1" : "169.254.169.254", family: 4 }]);
  const sent = await sendWebhook({ url: `http://localhost:${port}/pinned`, body: "{}", deliveryKey: "k", eventKind: "test", resolve });
  assert.deepEqual(sent, { ok: true, code: 200, error: null, permanent: false });
  assert.equal(lookups, 1);
  const hook = receiver.received.find((r) => r.path === "/pinned");
  assert.ok(hook, "the receiver got it");
  assert.equal(hook.headers.host, `localhost:${port}`, "sent under its name, to the pinned address");
});

test("a name that does not resolve is not sent, and may be tried again", async () => {
  process.env.DOZEN_WEBHOOK_HOSTS = "*.hooks.example";
  const fail: ResolveHost = () => Promise.reject(Object.assign(new Error("nope"), { code: "ENOTFOUND" }));
  const sent = await sendWebhook({ url: "https://x.hooks.example/h", body: "{}", deliveryKey: "k", eventKind: "test", resolve: fail });
  assert.deepEqual(sent, { ok: false, code: null, error: "not sent: x.hooks.example could not be resolved (ENOTFOUND)", permanent: false });
});
