import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { rm } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { db } from "@/lib/db";
import { combineServiceScore } from "@/lib/scoring/combine-service-score";
import type { Finding } from "@/lib/rules/types";
import { getHeatmapPage } from "@/lib/heatmap/get-heatmap-page";
import { useTestDatabase } from "@/test/support/test-database";
import { persistClusterFindings } from "@/test/support/persist-cluster-findings";
import { scanIntoDatabase } from "@/test/support/scan-into-database";
import { writeTestTree } from "@/test/support/write-test-tree";

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

test("a service with 20 MB of source is scanned and stored as facts, not files: under 1 MB, no file text", async () => {
  // 80 source files of 256 KB (20 MB, the collector's per-service text budget), each line unique and plain.
  const line = (f: number, i: number) => `export const value_${f}_${i} = process.env.SETTING_${i} ?? "v${i}";\n`;
  const big = (f: number) =>
    Array.from({ length: 4_000 }, (_, i) => line(f, i))
      .join("")
      .slice(0, 256 * 1024);
  const files: Record<string, string> = {
    "big-service/Dockerfile": 'FROM node:20-alpine\nCOPY . .\nCMD ["node", "src/f0.js"]\n',
    "big-service/package.json": JSON.stringify({ name: "big-service", dependencies: { express: "4.19.2" } }),
  };
  for (let f = 0; f < 80; f++) files[`big-service/src/f${f}.js`] = big(f);
  const root = await writeTestTree({ files });
  try {
    const scan = await scanIntoDatabase({ root, name: "big" });
    assert.equal(scan.status, "succeeded");
    assert.equal(scan.services.length, 1);
    assert.ok(scan.services[0]!.facts.textFiles.length >= 79, "the scan itself read the files' texts");
    const [row] = await db().$queryRaw<{ bytes: number; text: string }[]>`
      SELECT octet_length(st."facts"::text)::int AS "bytes", st."facts"::text AS "text"
      FROM "ScanTarget" st WHERE st."scanId" = ${scan.scanId}`;
    assert.ok(row && row.bytes <= 1024 * 1024, `stored facts: ${row?.bytes} bytes`);
    assert.ok(!row.text.includes("value_3_17"), "no line of any file is stored");
    const facts = JSON.parse(row.text) as { textFiles: { path: string; lines?: string[] }[]; dockerfiles: unknown[] };
    assert.ok(facts.textFiles.some((t) => t.path === "big-service/src/f3.js") && facts.textFiles.every((t) => t.lines === undefined));
    assert.equal(facts.dockerfiles.length, 1, "derived facts are kept");
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});
