import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { test } from "node:test";
import { openSecret } from "@/lib/notifications/open-secret";
import { sealSecret } from "@/lib/notifications/seal-secret";

const key = randomBytes(32);
const url = "https://hooks.slack.com/services/T0/B0/XXXXtoken";

test("a sealed credential opens with its key and context, and holds nothing readable", () => {
  const sealed = sealSecret({ plain: url, key, context: "slack:target" });
  assert.match(sealed, /^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
  assert.ok(!sealed.includes("token") && !sealed.includes("hooks"));
  assert.equal(openSecret({ sealed, key, context: "slack:target" }), url);
  assert.notEqual(sealSecret({ plain: url, key, context: "slack:target" }), sealed, "a fresh IV each time");
});

test("another key, another context or a changed byte does not open, and says so without the value", () => {
  const sealed = sealSecret({ plain: url, key, context: "slack:target" });
  const [v, iv, tag, data] = sealed.split(".");
  const flipped = `${v}.${iv}.${tag}.${data!.slice(0, -2)}${data!.slice(-2) === "AA" ? "AB" : "AA"}`;
  for (const attempt of [
    { sealed, key: randomBytes(32), context: "slack:target" },
    { sealed, key, context: "webhook:target" },
    { sealed: flipped, key, context: "slack:target" },
  ])
    assert.throws(
      () => openSecret(attempt),
      (e: Error) => /does not open/.test(e.message) && !e.message.includes("token"),
    );
});
