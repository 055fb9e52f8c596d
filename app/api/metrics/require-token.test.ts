import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { GET } from "@/app/api/metrics/route";
import { createApiToken } from "@/lib/auth/api-tokens/create-api-token";
import { LOCAL_PRINCIPAL } from "@/lib/auth/resolve-principal";
import { useTestDatabase } from "@/test/support/test-database";

// Read once with the rest of the environment (lib/env.ts), so set before anything asks for it.
process.env.DOZEN_METRICS_REQUIRE_TOKEN = "true";

let database: Awaited<ReturnType<typeof useTestDatabase>>;
before(async () => {
  database = await useTestDatabase();
});
after(async () => {
  await database.drop();
});

const ask = (authorization?: string) =>
  GET(new Request("http://dozen.test/api/metrics", { headers: authorization ? { authorization } : {} }));

test("with DOZEN_METRICS_REQUIRE_TOKEN only an API token reads the metrics: none or a bad one is 401", async () => {
  const made = await createApiToken({ input: { name: "prometheus", role: "viewer" }, audit: { actor: LOCAL_PRINCIPAL, origin: null } });
  const anonymous = await ask();
  assert.equal(anonymous.status, 401, "the local user is not a scraper");
  assert.equal(anonymous.headers.get("www-authenticate"), 'Bearer realm="dozen"');
  assert.doesNotMatch(await anonymous.text(), /dozen_scans_total/);
  assert.equal((await ask(`Bearer ${made.secret.slice(0, -4)}AAAA`)).status, 401);
  const scraped = await ask(`Bearer ${made.secret}`);
  assert.equal(scraped.status, 200);
  assert.match(await scraped.text(), /dozen_scans_total/);
});
