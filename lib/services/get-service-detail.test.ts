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
import { createExemption } from "@/lib/persistence/exemptions/create-exemption";
import { decideExemption } from "@/lib/persistence/exemptions/decide-exemption";
import { countExemptions } from "@/lib/exemptions/count-exemptions";
import { listExemptions } from "@/lib/exemptions/list-exemptions";
import { listExemptionHistory } from "@/lib/exemptions/list-exemption-history";

const AUDIT = { actor: { kind: "local" as const, id: "local", name: "local user" }, origin: null };
const ADMIN = { kind: "local" as const, id: "local", name: "local user", role: "admin" as const };

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

test("[SERVICE] the detail counts the exemptions covering the service, lists those pending and their history", async () => {
  if (!(await db().service.findUnique({ where: { slug: "payments-api" } })))
    await scanIntoDatabase({ root: FLEET, name: "fleet", only: ["payments-api"] });
  const service = await db().service.findUniqueOrThrow({ where: { slug: "payments-api" }, select: { id: true, teamId: true, team: true } });
  const checks = (await getServiceDetail({ slug: "payments-api" }))!.findings.map((f) => f.ruleId);
  assert.ok(checks.length >= 3 && service.team, "an owned service judged by several checks");
  const create = (input: Parameters<typeof createExemption>[0]["input"]) =>
    createExemption({ input, principal: ADMIN, audit: AUDIT, origin: "api" });
  await create({ scope: "service", service: "payments-api", checkId: checks[0]!, kind: "false-positive", reason: "its own" });
  await create({ scope: "team", team: service.team.slug, checkId: checks[1]!, kind: "not-applicable", reason: "the team's" });
  const revoked = await create({
    scope: "service",
    service: "payments-api",
    checkId: checks[2]!,
    kind: "false-positive",
    reason: "wrong",
  });
  await decideExemption({ id: revoked.id, decision: "revoke", reason: "it does apply", principal: ADMIN, audit: AUDIT });
  // Awaiting approval (as a policy requiring it leaves a new one), and one of another team, covering nothing here.
  await db().exemption.create({
    data: {
      scope: "service",
      serviceId: service.id,
      ruleId: checks[2]!,
      kind: "accepted-risk",
      reason: "until the rewrite",
      expiresAt: new Date(Date.now() + 3 * 86_400_000),
      status: "pending",
      origin: "api",
      requestedBy: "alice",
    },
  });
  const other = await db().team.create({ data: { slug: "team-elsewhere", name: "Elsewhere" } });
  await create({ scope: "team", team: other.slug, checkId: checks[0]!, kind: "false-positive", reason: "not here" });

  const detail = await getServiceDetail({ slug: "payments-api" });
  assert.ok(detail);
  assert.deepEqual(detail.exemptionCounts, { active: 2, expiringSoon: 0, pending: 1 });
  assert.deepEqual(
    detail.pendingExemptions.map((e) => [e.checkId, e.status, e.reason, e.requestedBy, e.service?.slug]),
    [[checks[2], "pending", "until the rewrite", "alice", "payments-api"]],
  );
  assert.deepEqual(
    detail.exemptionHistory.map((h) => [h.action, h.checkId]),
    [
      ["revoke", checks[2]],
      ["create", checks[2]],
      ["create", checks[1]],
      ["create", checks[0]],
    ],
    "newest first, the other team's left out",
  );
  // The same as what the API and the CSV read one by one.
  assert.deepEqual(detail.exemptionCounts, await countExemptions({ service: "payments-api" }));
  assert.deepEqual(
    detail.pendingExemptions,
    (await listExemptions({ service: "payments-api", current: true })).filter((e) => e.status === "pending"),
  );
  assert.deepEqual(detail.exemptionHistory, await listExemptionHistory({ service: "payments-api" }));
});
