import { before, describe, it } from "node:test";
import assert from "node:assert/strict";
import type { ClusterFacts } from "@/lib/facts/cluster-types";
import { runRules } from "@/lib/rules/run-rules";
import type { ClusterServiceFacts } from "@/lib/facts/cluster-types";
import { selectServiceFacts } from "@/lib/pipeline/select-service-facts";
import { collectShop } from "@/test/kubernetes/collect-shop";

/** The cluster and cross checks of the catalogue, on a service's cluster facts with nothing declared beside them. */
const runClusterChecks = (facts: ClusterServiceFacts) => runRules({ subject: { kind: "cluster", facts, declared: [] } });

describe("cluster checks on the shop cluster", () => {
  let facts: ClusterFacts;
  const findingsFor = (...names: string[]) =>
    runClusterChecks(selectServiceFacts({ facts, workloads: facts.workloads.filter((w) => names.includes(w.name)) }));
  before(async () => {
    facts = await collectShop();
  });

  it("passes every applicable check for the exemplary checkout service", () => {
    const findings = findingsFor("checkout", "checkout-migrate-42", "nightly-report");
    assert.deepEqual(
      findings.filter((f) => f.outcome !== "pass" && f.outcome !== "notApplicable").map((f) => f.ruleId),
      [],
    );
    assert.equal(findings.find((f) => f.ruleId === "clusterMigrationsAsJobs")!.outcome, "pass");
  });

  it("fails legacy-billing on each of its cluster problems, with cluster evidence", () => {
    const findings = findingsFor("legacy-billing");
    const failed = findings
      .filter((f) => f.outcome === "fail")
      .map((f) => f.ruleId)
      .sort();
    // One check per property, whether the repository declares it or the cluster runs it (the workload checks).
    assert.deepEqual(failed, [
      "backingServiceCredentialsFromSecrets",
      "clusterDeploymentsStateless",
      "clusterMigrationsAsJobs",
      "clusterNoStickySessions",
      "clusterShutsDownGracefully",
      "declaresProbes",
      "declaresResourceRequests",
      "deploysImmutableImageTags",
      "readOnlyRootFilesystem",
      "runsAsNonRoot",
      "scalesByReplicas",
    ]);
    // One replica has nothing a disruption budget could keep running: that is scalesByReplicas' finding.
    assert.equal(findings.find((f) => f.ruleId === "declaresPodDisruptionBudget")!.outcome, "notApplicable");
    const secret = findings.find((f) => f.ruleId === "backingServiceCredentialsFromSecrets")!;
    assert.deepEqual(secret.evidence, [
      {
        type: "cluster",
        cluster: "prod-eu",
        namespace: "shop",
        kind: "Deployment",
        name: "legacy-billing",
        jsonPath: "spec.template.spec.containers[0].env[0].value",
        snippet: "DB_PASSWORD=****",
      },
    ]);
    assert.equal(findings.find((f) => f.ruleId === "clusterPortsExposedByService")!.outcome, "pass");
  });

  it("accepts an HPA instead of replicas and flags a Deployment without a Service", () => {
    const single = facts.workloads.find((w) => w.name === "checkout")!;
    const lone = { ...single, name: "lone", replicas: 1, podLabels: { "app.kubernetes.io/name": "lone" } };
    const findings = runClusterChecks(selectServiceFacts({ facts, workloads: [lone] }));
    assert.equal(findings.find((f) => f.ruleId === "scalesByReplicas")!.outcome, "fail");
    assert.equal(findings.find((f) => f.ruleId === "clusterPortsExposedByService")!.outcome, "fail");
    const scaled = runClusterChecks(selectServiceFacts({ facts, workloads: [{ ...single, replicas: 1 }] }));
    assert.equal(scaled.find((f) => f.ruleId === "scalesByReplicas")!.outcome, "pass");
  });
});
