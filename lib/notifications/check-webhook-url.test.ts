import assert from "node:assert/strict";
import { after, test } from "node:test";
import { checkWebhookUrl } from "@/lib/notifications/check-webhook-url";

const given = process.env.DOZEN_WEBHOOK_HOSTS;
after(() => {
  process.env.DOZEN_WEBHOOK_HOSTS = given;
});

const cases: [hosts: string | undefined, url: string, verdict: RegExp | null][] = [
  [undefined, "https://hooks.slack.com/services/T0/B0/x", null],
  [undefined, "https://acme.webhook.office.com/webhookb2/x", null],
  [undefined, "https://webhook.office.com/x", /not an allowed webhook host/],
  [undefined, "https://hooks.slack.com.evil.example/x", /not an allowed webhook host/],
  [undefined, "https://evilhooks.slack.com/x", /not an allowed webhook host/],
  [undefined, "http://hooks.slack.com/services/x", /must be https/],
  [undefined, "https://user:pw@hooks.slack.com/x", /user or password/],
  [undefined, "not a url", /not a URL/],
  ["127.0.0.1", "http://127.0.0.1:4000/hook", null],
  ["127.0.0.1:4000", "http://127.0.0.1:4001/hook", /not an allowed webhook host/],
  ["ci.example.com:8443", "https://ci.example.com:8443/hook", null],
  ["ci.example.com", "http://ci.example.com/hook", /must be https/],
];

for (const [hosts, url, verdict] of cases)
  test(`${hosts ?? "default hosts"}: ${url} is ${verdict ? "refused" : "allowed"}`, () => {
    if (hosts === undefined) delete process.env.DOZEN_WEBHOOK_HOSTS;
    else process.env.DOZEN_WEBHOOK_HOSTS = hosts;
    const reason = checkWebhookUrl({ url });
    if (verdict) assert.match(reason ?? "", verdict);
    else assert.equal(reason, null);
    if (reason) assert.ok(!reason.includes("/services/") && !reason.includes("pw"), "the reason never repeats the URL's path or password");
  });
