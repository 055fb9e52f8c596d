import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { fileURLToPath } from "node:url";
import { db } from "@/lib/db";
import { getHeatmapPage } from "@/lib/heatmap/get-heatmap-page";
import type { Finding } from "@/lib/rules/types";
import { getServiceDetail } from "@/lib/services/get-service-detail";
import { useTestDatabase } from "@/test/support/test-database";
import { persistClusterFindings } from "@/test/support/persist-cluster-findings";
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
  assert.deepEqual(
    weights,
    [...weights].sort((a, b) => b - a),
  );
  const failing = scanned.findings
    .filter((f) => f.outcome === "fail")
    .map((f) => f.ruleId)
    .sort();
  assert.deepEqual(
    detail.findings
      .filter((f) => f.outcome === "fail")
      .map((f) => f.ruleId)
      .sort(),
    failing,
  );
  assert.ok(
    detail.findings.some((f) => f.evidence.length > 0),
    "evidence comes back as objects",
  );
  assert.equal(detail.factorScores.length, scanned.factors.length);
  assert.equal(await getServiceDetail({ slug: "no-such-service" }), null);
});

test("[SERVICE] a failing cluster check shows in the factor tile exactly as the heatmap shows it, marked as seen in the cluster", async () => {
  const { sourceId } = await scanIntoDatabase({ root: FLEET, name: "fleet", only: ["payments-api"] });
  const service = await db().service.findFirstOrThrow({ where: { slug: "payments-api" }, select: { id: true } });
  const before = (await getServiceDetail({ slug: "payments-api" }))!.factorScores.find((f) => f.factor === "disposability")!;
  const probes: Finding = {
    ruleId: "declaresProbes",
    ruleVersion: 4,
    factor: "disposability",
    title: "probes",
    outcome: "fail",
    weight: 2,
    effort: "low",
    message: "1 container(s) lack probes.",
    evidence: [
      {
        type: "cluster",
        cluster: "prod",
        namespace: "shop",
        kind: "Deployment",
        name: "payments-api",
        jsonPath: "spec.template.spec.containers[0]",
      },
    ],
  };
  await persistClusterFindings({ sourceId, serviceId: service.id, name: "payments-api", findings: [probes] });

  const detail = (await getServiceDetail({ slug: "payments-api" }))!;
  const tile = detail.factorScores.find((f) => f.factor === "disposability")!;
  assert.deepEqual([tile.passed, tile.failed], [before.passed, before.failed + 1], "the tile counts the cluster's failing check");
  const [row] = (await getHeatmapPage({ q: "payments-api", sort: "name", dir: "asc", page: 1, pageSize: 10 })).rows;
  assert.equal(row?.factors.disposability, tile.score, "the heatmap and the service page show one combined view");
  assert.equal(row?.score, detail.latestScore);
  const fromCluster = detail.findings.filter((f) => f.origin === "cluster").map((f) => f.ruleId);
  assert.deepEqual(fromCluster, ["declaresProbes"]);
  assert.ok(detail.findings.filter((f) => f.origin === "repository").length > 0);
});
