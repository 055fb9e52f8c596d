import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { after, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { parseAllDocuments } from "yaml";
import { CLUSTER_CHECKS } from "@/lib/cluster/find-cluster-rule";
import { findDrift } from "@/lib/cluster/find-drift";
import { runClusterRules } from "@/lib/cluster/run-cluster-rules";
import { selectServiceFacts } from "@/lib/pipeline/select-service-facts";
import { collectCluster } from "@/lib/collectors/kubernetes/collect-cluster";
import { loadKubeConfig } from "@/lib/collectors/kubernetes/load-kube-config";
import { createKubeClient } from "@/lib/collectors/kubernetes/request-kube";
import { parseManifests } from "@/lib/facts/parse-manifests";
import { KINDS } from "@/test/kubernetes/kinds";
import { startStandIn, type KubeObject } from "@/test/kubernetes/stand-in";

/**
 * One generic test for every cluster check, like lib/rules/fixtures.test.ts for repository rules: each
 * `fixtures/<ruleId>/<outcome>-<name>.yaml` is a set of Kubernetes objects served by the stand-in API server
 * (which validates them against the official schemas), collected with the real collector through client-node,
 * and must give <outcome> for its check. `<outcome>-<name>.declared.yaml` is what the repository declares, for
 * the drift check.
 */
const fixturesDir = join(dirname(fileURLToPath(import.meta.url)), "fixtures");
const OUTCOMES = ["pass", "fail", "notApplicable", "notAvailable"] as const;
const scratch = mkdtempSync(join(tmpdir(), "dozen-cluster-fixtures-"));
after(() => rmSync(scratch, { recursive: true, force: true }));

test("every cluster check has pass and fail fixtures, and every fixture folder is a check", () => {
  const folders = readdirSync(fixturesDir).sort();
  assert.deepEqual(folders, CLUSTER_CHECKS.map((c) => c.id).sort());
  for (const id of folders) {
    const names = fixtureNames(id);
    for (const needed of ["pass", "fail"]) assert.ok(names.some((n) => n.startsWith(`${needed}-`)), `${id} needs a ${needed}-<name>.yaml fixture`);
    for (const name of names) assert.ok(OUTCOMES.some((o) => name.startsWith(`${o}-`)), `${id}/${name}: name must start with ${OUTCOMES.join("-, ")}-`);
  }
});

for (const check of CLUSTER_CHECKS) {
  describe(check.id, () => {
    for (const name of fixtureNames(check.id)) {
      const outcome = OUTCOMES.find((o) => name.startsWith(`${o}-`))!;
      test(`${name} → ${outcome}`, async () => {
        const text = readFileSync(join(fixturesDir, check.id, `${name}.yaml`), "utf8");
        const objects = toStandInObjects(text);
        const standIn = await startStandIn({ objects });
        try {
          const config = join(scratch, `${check.id}-${name}.kubeconfig`);
          writeFileSync(config, standIn.kubeconfig("fixture"));
          const client = await createKubeClient({ kc: await loadKubeConfig({ kubeconfigPath: config }), name: "fixture" });
          const facts = await collectCluster({ client });
          const service = selectServiceFacts({ facts, workloads: facts.workloads });
          const declaredFile = join(fixturesDir, check.id, `${name}.declared.yaml`);
          const manifests = existsSync(declaredFile) ? parseManifests({ path: "k8s/deploy.yaml", text: readFileSync(declaredFile, "utf8") }).objects : [];
          const findings = [...runClusterRules({ facts: service }), findDrift({ manifests, cluster: service }).finding];
          const finding = findings.find((f) => f.ruleId === check.id);
          assert.ok(finding, "the check produced no finding");
          assert.equal(finding.outcome, outcome, `${finding.message}\n${JSON.stringify(finding.evidence, null, 2)}`);
          if (outcome === "fail") {
            assert.ok(finding.evidence.length > 0, "a fail must carry evidence");
            const served = new Set(Object.entries(objects).flatMap(([resource, list]) => (list ?? []).map((o) => `${kindOf(resource)}/${o.metadata.namespace}/${o.metadata.name}`)));
            for (const e of finding.evidence) {
              assert.equal(e.type, "cluster");
              if (e.type !== "cluster") continue;
              assert.equal(e.cluster, "fixture");
              assert.ok(served.has(`${e.kind}/${e.namespace}/${e.name}`), `evidence names ${e.kind}/${e.namespace}/${e.name}, not an object of the fixture`);
              assert.ok(e.jsonPath.length > 0, "evidence names a field");
            }
          }
          // No check may crash on any fixture, whichever check the fixture was written for.
          assert.deepEqual(findings.filter((f) => f.outcome === "error").map((f) => `${f.ruleId}: ${f.message}`), []);
        } finally {
          await standIn.close();
        }
      });
    }
  });
}

function fixtureNames(id: string): string[] {
  const dir = join(fixturesDir, id);
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => f.endsWith(".yaml") && !f.endsWith(".declared.yaml")).map((f) => f.slice(0, -".yaml".length)).sort();
}

/** YAML documents → the stand-in's objects by resource (list items carry no apiVersion/kind). */
function toStandInObjects(text: string): Record<string, KubeObject[]> {
  const objects: Record<string, KubeObject[]> = {};
  for (const doc of parseAllDocuments(text)) {
    const { apiVersion: _apiVersion, kind, ...object } = doc.toJSON() as KubeObject & { apiVersion: string; kind: string };
    const info = KINDS.find((k) => k.kind === kind);
    assert.ok(info, `the stand-in does not serve ${kind}`);
    (objects[info.resource] ??= []).push(object as KubeObject);
  }
  return objects;
}

function kindOf(resource: string): string {
  return KINDS.find((k) => k.resource === resource)?.kind ?? resource;
}
