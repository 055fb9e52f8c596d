import assert from "node:assert/strict";
import { test } from "node:test";
import { db } from "@/lib/db";
import { exportTable } from "@/lib/export/export-table";
import { getFactorReport } from "@/lib/factor-report/get-factor-report";
import { getHeatmapPage } from "@/lib/heatmap/get-heatmap-page";
import { CLUSTER_CHECKS, RULES } from "@/lib/rules/registry";
import { markGoneServices } from "@/lib/persistence/mark-gone-services";
import { useScannedFleet } from "@/test/support/use-scanned-fleet";

const fleet = useScannedFleet();

/** The demo fleet's own verdicts on one check: which services pass it and which fail it. */
function verdicts(ruleId: string) {
  const of = (outcome: string) => fleet.services.filter((s) => s.findings.some((f) => f.ruleId === ruleId && f.outcome === outcome));
  return { passed: of("pass"), failed: of("fail") };
}

test("[FACTORS] a factor's checks count the live services passing and failing each, the worst failing ones named", async () => {
  const { checks } = await getFactorReport({ factor: "port-binding" });
  assert.deepEqual(
    checks.map((c) => c.id),
    [...RULES, ...CLUSTER_CHECKS].filter((r) => r.factor === "port-binding").map((r) => r.id),
  );
  for (const c of checks) {
    const { passed, failed } = verdicts(c.id);
    assert.equal(c.passed, passed.length, c.id);
    assert.equal(c.failed, failed.length, c.id);
    const worstFirst = [...failed].sort((a, b) => (a.score ?? 101) - (b.score ?? 101) || (a.name < b.name ? -1 : 1)).slice(0, 10);
    assert.deepEqual(
      c.failing.map((s) => s.name),
      worstFirst.map((s) => s.name),
      c.id,
    );
  }
  const port = checks.find((c) => c.id === "readsPortFromEnv");
  assert.ok(port && port.failed > 0 && !port.cluster);
  assert.ok(
    checks.some((c) => c.cluster),
    "cluster checks of the factor are listed too",
  );
});

test("[FACTORS] the heatmap's check filter lists every service failing it; the checks CSV names them all", async () => {
  const failing = verdicts("readsPortFromEnv")
    .failed.map((s) => s.name)
    .sort();
  const page = await getHeatmapPage({ check: "readsPortFromEnv", sort: "name", dir: "asc", page: 1, pageSize: 50 });
  assert.deepEqual(
    page.rows.map((r) => r.name),
    failing,
  );
  assert.equal(page.total, failing.length);
  assert.equal((await getHeatmapPage({ check: "noSuchCheck", sort: "name", dir: "asc", page: 1, pageSize: 50 })).total, 0);

  const csv = (await exportTable({ table: "checks", params: new URLSearchParams({ factor: "port-binding" }) })).trim().split("\r\n");
  const line = csv.find((l) => l.startsWith("readsPortFromEnv,"));
  assert.ok(line?.endsWith(`,${failing.join(" ")}`), line);
});

test("[FACTORS] a service gone since leaves its checks' counts", async () => {
  const { failed } = verdicts("readsPortFromEnv");
  const leaving = failed[0]!;
  await markGoneServices({ sourceId: fleet.sourceId, seenPaths: fleet.services.filter((s) => s !== leaving).map((s) => s.path) });
  const port = (await getFactorReport({ factor: "port-binding" })).checks.find((c) => c.id === "readsPortFromEnv");
  assert.equal(port?.failed, failed.length - 1);
  assert.ok(!port?.failing.some((s) => s.name === leaving.name));
  assert.ok(await db().service.findFirst({ where: { name: leaving.name, goneAt: { not: null } } }));
});
