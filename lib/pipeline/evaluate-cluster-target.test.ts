import assert from "node:assert/strict";
import { test } from "node:test";
import type { ClusterServiceFacts, WorkloadFacts } from "@/lib/facts/cluster-types";
import { evaluateClusterTarget } from "@/lib/pipeline/evaluate-cluster-target";
import type { ClusterTargetPlan } from "@/lib/pipeline/plan-cluster-targets";

const single: WorkloadFacts = {
  kind: "Deployment",
  namespace: "shop",
  name: "cart",
  labels: {},
  annotations: {},
  podLabels: { app: "cart" },
  replicas: 1,
  terminationGracePeriodSeconds: 30,
  volumes: { pvc: [], hostPath: [] },
  containers: [
    {
      name: "cart",
      image: "registry.example.com/cart:1.4.2",
      init: false,
      jsonPath: "spec.template.spec.containers[0]",
      env: [],
      envFrom: [],
      ports: [],
      probes: { readiness: true, liveness: true, startup: false },
      preStop: false,
      requests: true,
      limits: true,
      runAsNonRoot: true,
      readOnlyRootFilesystem: true,
      runsMigrations: false,
    },
  ],
  running: { digests: [], restarts: 0, pods: 1 },
};
const facts: ClusterServiceFacts = { schemaVersion: 1, cluster: "prod", workloads: [single], services: [], hpas: [], pdbs: [] };
const plan: ClusterTargetPlan = {
  targetKey: "cluster:prod:service:1",
  serviceId: 1,
  group: { name: "cart", namespace: "shop", owners: [] },
  facts,
  mappings: [],
};
const config = (text: string) => ({ path: "dozen.yaml", text });

test("the repository's dozen.yaml re-weights and disables a check in the cluster as in the repository", () => {
  const plain = evaluateClusterTarget({ plan, declared: [], repoConfig: null });
  const replicas = plain.findings.find((f) => f.ruleId === "scalesByReplicas");
  assert.deepEqual([replicas?.outcome, replicas?.weight], ["fail", 5]);

  const reweighted = evaluateClusterTarget({
    plan,
    declared: [],
    repoConfig: config("rules:\n  scalesByReplicas: { weight: 7 }\n"),
  });
  assert.equal(reweighted.findings.find((f) => f.ruleId === "scalesByReplicas")?.weight, 7);

  const disabled = evaluateClusterTarget({
    plan,
    declared: [],
    repoConfig: config("rules:\n  scalesByReplicas: { enabled: false }\n"),
  });
  assert.equal(
    disabled.findings.find((f) => f.ruleId === "scalesByReplicas"),
    undefined,
    "a disabled check is not run",
  );
  assert.ok(
    (disabled.factors.find((f) => f.factor === "concurrency")?.failed ?? 0) <
      (plain.factors.find((f) => f.factor === "concurrency")?.failed ?? 0),
  );
});

test("a config the repository's own scan refused weighs nothing here: the defaults apply", () => {
  const result = evaluateClusterTarget({ plan, declared: [], repoConfig: config("rules:\n  noSuchCheck: { weight: 3 }\n") });
  assert.equal(result.findings.find((f) => f.ruleId === "scalesByReplicas")?.weight, 5);
});
