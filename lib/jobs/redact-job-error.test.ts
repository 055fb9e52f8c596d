import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import pg from "pg";
import { DozenError } from "@/lib/errors";
import { createBoss } from "@/lib/jobs/create-boss";
import { redactJobError } from "@/lib/jobs/redact-job-error";
import { useTestDatabase } from "@/test/support/test-database";

const PEM = "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAsecretsecretsecret\n-----END RSA PRIVATE KEY-----";

/** What an HTTP client throws for a refused answer: the upstream body and headers ride along. */
function leakyError(): Error {
  return Object.assign(new TypeError(`Headers.append: "Bearer ${PEM}" is an invalid header value.`), {
    status: 502,
    response: { data: "<html>internal admin panel</html>", headers: { "set-cookie": "session=abc" } },
    buffer: "root:$6$hash:19000:0:99999:7:::",
  });
}

let database: Awaited<ReturnType<typeof useTestDatabase>>;
before(async () => {
  database = await useTestDatabase();
});
after(() => database.drop());

test("[ERRORS] a failed job's output in pgboss.job holds a fixed reason, never the error's content", async () => {
  const boss = createBoss({ role: "worker", url: database.url });
  await boss.start();
  try {
    const queue = "redaction-probe";
    await boss.createQueue(queue, { retryLimit: 0 });
    await boss.work(queue, { pollingIntervalSeconds: 0.5 }, async () => {
      throw redactJobError(leakyError());
    });
    const id = await boss.send(queue, {});
    assert.ok(id);
    let output: unknown;
    for (let i = 0; i < 60 && output === undefined; i++) {
      await new Promise((r) => setTimeout(r, 250));
      const job = await boss.getJobById(queue, id);
      if (job?.state === "failed") output = job.output;
    }
    assert.deepEqual(output && { message: (output as { message: unknown }).message }, { message: "answered HTTP 502" });
    // Whatever pg-boss serialised, straight from its table: nothing of the key, the body, the cookie or the file.
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const { rows } = await client.query<{ output: unknown }>("select output from pgboss.job where id = $1", [id]);
    await client.end();
    const stored = JSON.stringify(rows);
    for (const secret of ["PRIVATE KEY", "secretsecret", "admin panel", "session=abc", "root:$6$", "Bearer"])
      assert.equal(stored.includes(secret), false, `${secret} in ${stored}`);
  } finally {
    await boss.stop({ graceful: false, close: true });
  }
});

test("[ERRORS] a job error keeps Dozen's own message and its retryAt, which the dead letter reads", () => {
  const own = Object.assign(new DozenError("acme/api: GitHub answered HTTP 403 (rate limited)"), { retryAt: "2026-12-05T20:00:00.000Z" });
  const redacted = redactJobError(own);
  assert.equal(redacted.message, "acme/api: GitHub answered HTTP 403 (rate limited)");
  assert.equal((redacted as { retryAt?: string }).retryAt, "2026-12-05T20:00:00.000Z");
  assert.equal(redacted.stack, "DozenError: acme/api: GitHub answered HTTP 403 (rate limited)");
  const stray = redactJobError(Object.assign(new Error("boom"), { retryAt: "tomorrow, with the body" }));
  assert.deepEqual([stray.message, (stray as { retryAt?: string }).retryAt], ["failed (Error)", undefined]);
});
