import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { fileURLToPath } from "node:url";
import { db } from "@/lib/db";
import { combineServiceScore } from "@/lib/scoring/combine-service-score";
import type { Finding } from "@/lib/rules/types";
import { getHeatmapPage } from "@/lib/heatmap/get-heatmap-page";
import { useTestDatabase } from "@/test/support/test-database";
import { persistClusterFindings } from "@/test/support/persist-cluster-findings";
import { scanIntoDatabase } from "@/test/support/scan-into-database";

const FLEET = fileURLToPath(new URL("../../examples/fleet", import.meta.url));
let database: Awaited<ReturnType<typeof useTestDatabase>>;
before(async () => {
  database = await useTestDatabase();
});
after(() => database.drop());

/** A cluster check that failed on the running workload: what a cluster audit adds to a service's view. */
const clusterFailure: Finding = {
  ruleId: "clusterProbes",
  ruleVersion: 1,
  factor: "disposability",
  title: "clusterProbes",
  outcome: "fail",
  message: "deploy/payments-api runs without a readiness probe",
  weight: 5,
  effort: "low",
  evidence: [
    {
      type: "cluster",
      cluster: "prod",
      namespace: "shop",
      kind: "Deployment",
      name: "payments-api",
      jsonPath: "spec.template.spec.containers[0].readinessProbe",
    },
  ],
};

test("a repository rescan keeps the cluster's findings in the service's score and factors", async () => {
  const first = await scanIntoDatabase({ root: FLEET, name: "fleet", only: ["payments-api"] });
  const repo = first.services[0]!;
  const service = await db().service.findFirstOrThrow({ where: { name: "payments-api" }, select: { id: true, latestScore: true } });
  assert.equal(service.latestScore, repo.score);

  const combined = combineServiceScore({ repoFindings: repo.findings, clusterFindings: [clusterFailure] });
  assert.ok(combined.score !== null && repo.score !== null && combined.score < repo.score, "the failing cluster check lowers the score");
  await persistClusterFindings({ sourceId: first.sourceId, serviceId: service.id, name: "payments-api", findings: [clusterFailure] });

  // The next repository scan (same code) must not overwrite the combined view with the repository's alone.
  await scanIntoDatabase({ root: FLEET, name: "fleet", only: ["payments-api"] });
  const after = await db().service.findUniqueOrThrow({ where: { id: service.id }, select: { latestScore: true, latestGrade: true } });
  assert.equal(after.latestScore, combined.score);
  assert.equal(after.latestGrade, combined.grade);
  const [row] = (await getHeatmapPage({ sort: "score", dir: "asc", page: 1, pageSize: 10 })).rows;
  const disposability = combined.factors.find((f) => f.factor === "disposability")!.score;
  assert.equal(row?.factors.disposability, disposability === null ? undefined : Math.round(disposability * 10) / 10);
  assert.ok((row?.factors.disposability ?? 100) < 100, "the heatmap shows the cluster's failing disposability check");

  // Each check's outcome in the combined view: the cluster's failure and the repository's own, both kept.
  const [checks] = await db().$queryRaw<
    { c: Record<string, string> }[]
  >`SELECT "latestChecks" AS c FROM "Service" WHERE "id" = ${service.id}`;
  const repoChecks = repo.findings.filter((f) => f.outcome === "pass" || f.outcome === "fail");
  assert.deepEqual(checks?.c, Object.fromEntries([...repoChecks.map((f) => [f.ruleId, f.outcome]), ["clusterProbes", "fail"]]));
  const failingProbes = await getHeatmapPage({ check: "clusterProbes", sort: "score", dir: "asc", page: 1, pageSize: 10 });
  assert.deepEqual(
    failingProbes.rows.map((r) => r.name),
    ["payments-api"],
  );
});

test("a stored finding keeps its first ten locations, however many the check reported", async () => {
  const first = await scanIntoDatabase({ root: FLEET, name: "fleet", only: ["payments-api"] });
  const service = await db().service.findFirstOrThrow({ where: { name: "payments-api" }, select: { id: true } });
  const base = clusterFailure.evidence[0]!;
  const evidence = Array.from({ length: 25 }, (_, i) => ({ ...base, name: `payments-api-${i}` }));
  await persistClusterFindings({
    sourceId: first.sourceId,
    serviceId: service.id,
    name: "payments-api",
    findings: [{ ...clusterFailure, ruleId: "clusterManyPlaces", evidence }],
  });
  const row = await db().finding.findFirstOrThrow({ where: { ruleId: "clusterManyPlaces" }, select: { evidence: true } });
  assert.deepEqual(row.evidence, evidence.slice(0, 10));
});
