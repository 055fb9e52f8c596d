import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { GET } from "@/app/api/v1/services/[slug]/findings/[ruleId]/guide/route";
import { apiErrorBody } from "@/lib/api/schemas/common";
import { findingGuide } from "@/lib/api/schemas/services";
import { useScannedFleet } from "@/test/support/use-scanned-fleet";

useScannedFleet();

function call(path: string, params: Record<string, string>) {
  return GET(new Request(`http://dozen.test${path}`), { params: Promise.resolve(params) });
}

describe("GET /api/v1/services/{slug}/findings/{ruleId}/guide", () => {
  it("[SERVICE] answers a failing finding's guide in its file's language, where it was seen, highlighted", async () => {
    const response = await call("/api/v1/services/admin-portal/findings/readsPortFromEnv/guide", {
      slug: "admin-portal",
      ruleId: "readsPortFromEnv",
    });
    assert.equal(response.status, 200, await response.clone().text());
    assert.match(response.headers.get("etag") ?? "", /^W\/".+"$/);
    const guide = findingGuide.parse(await response.json());
    assert.equal(guide.origin, "repository");
    // admin-portal/server.js:45 listens on a fixed port: the JavaScript section, not Go's or Java's.
    assert.match(guide.markdown, /\*\*Where:\*\* `admin-portal\/server\.js:45`/);
    assert.match(guide.markdown, /process\.env\.PORT/);
    assert.doesNotMatch(guide.markdown, /os\.Getenv|<!--\s*lang/);
    assert.match(guide.html, /<code class="hljs language-\w+">/);
    assert.match(guide.html, /<span class="hljs-[a-z]+">/);
  });

  it("is 404 for an unknown service, a check the service has no finding of, and a bad origin is 400", async () => {
    const unknown = await call("/x", { slug: "no-such-service", ruleId: "readsPortFromEnv" });
    assert.equal(unknown.status, 404);
    assert.equal(apiErrorBody.parse(await unknown.json()).error.code, "not_found");
    const noFinding = await call("/x", { slug: "admin-portal", ruleId: "noSuchCheck" });
    assert.equal(noFinding.status, 404);
    // admin-portal was never seen in a cluster.
    const cluster = await call("/x?origin=cluster", { slug: "admin-portal", ruleId: "readsPortFromEnv" });
    assert.equal(cluster.status, 404);
    const bad = await call("/x?origin=elsewhere", { slug: "admin-portal", ruleId: "readsPortFromEnv" });
    assert.equal(bad.status, 400);
  });
});
