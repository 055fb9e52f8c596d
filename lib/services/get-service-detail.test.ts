import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { fileURLToPath } from "node:url";
import { getServiceDetail } from "@/lib/services/get-service-detail";
import { useTestDatabase } from "@/test/support/test-database";
import { scanIntoDatabase } from "@/test/support/scan-into-database";

const FLEET = fileURLToPath(new URL("../../examples/fleet", import.meta.url));
let database: Awaited<ReturnType<typeof useTestDatabase>>;
before(async () => {
  database = await useTestDatabase();
});
after(() => database.drop());

test("[SERVICE] the detail holds the latest scan's findings (heaviest first), factor scores, team and source", async () => {
  const { services } = await scanIntoDatabase({ root: FLEET, name: "fleet", only: ["payments-api"] });
  const scanned = services[0]!;
  const detail = await getServiceDetail({ slug: "payments-api" });
  assert.ok(detail);
  assert.equal(detail.name, "payments-api");
  assert.equal(detail.latestScore, scanned.score);
  assert.equal(detail.source.name, "fleet");
  // Its catalog-info.yaml and CODEOWNERS both name an owner; catalog-info comes first and is what the page names.
  assert.deepEqual([detail.team?.slug, detail.ownerSource], ["team-payments", "catalog-info.yaml"]);
  assert.equal(detail.trend.length, 1, "today's rollup point");
  assert.ok(detail.latestScanAt instanceof Date);
  assert.equal(detail.latestClusterTargetId, null);
  assert.equal(detail.findings.length, scanned.findings.length);
  const weights = detail.findings.map((f) => f.weight);
  assert.deepEqual(weights, [...weights].sort((a, b) => b - a));
  const failing = scanned.findings.filter((f) => f.outcome === "fail").map((f) => f.ruleId).sort();
  assert.deepEqual(detail.findings.filter((f) => f.outcome === "fail").map((f) => f.ruleId).sort(), failing);
  assert.ok(detail.findings.some((f) => f.evidence.length > 0), "evidence comes back as objects");
  assert.equal(detail.factorScores.length, scanned.factors.length);
  assert.equal(await getServiceDetail({ slug: "no-such-service" }), null);
});
