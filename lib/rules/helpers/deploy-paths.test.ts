import assert from "node:assert/strict";
import { test } from "node:test";
import { declaredWorkloads } from "@/lib/facts/workload/declared-workloads";
import type { WorkloadFacts } from "@/lib/facts/workload/types";
import { deployPaths, judgeDeployPaths } from "@/lib/rules/helpers/deploy-paths";
import type { ManifestObject } from "@/lib/facts/types";

const manifest = (path: string, via?: string, spec: Record<string, unknown> = {}): ManifestObject => ({
  path,
  documentIndex: 0,
  lineStart: 1,
  lineEnd: 20,
  apiVersion: "apps/v1",
  kind: "Deployment",
  name: "cart",
  namespace: null,
  object: { kind: "Deployment", metadata: { name: "cart" }, spec },
  ...(via ? { via } : {}),
});
const declared = (...manifests: ManifestObject[]) => declaredWorkloads(manifests).workloads;
const evidence = (path: string) => ({ type: "repo" as const, path, lineStart: 3, lineEnd: 3, snippet: "" });
const lacksReplicas = (w: WorkloadFacts) =>
  (w.replicas ?? 1) >= 2 ? [] : [{ label: "Deployment/cart", evidence: evidence(w.declaredAt?.path ?? "") }];

test("declarations are grouped by where they are rendered from, one per kind and name", () => {
  const paths = deployPaths(
    declared(
      manifest("kubernetes-manifests/cart.yaml"),
      manifest("kustomize/base/cart.yaml", "kustomize/overlays/prod"),
      manifest("kustomize/base/cart.yaml", "kustomize/overlays/prod"),
      manifest("helm/templates/cart.yaml", "helm"),
    ),
  );
  assert.deepEqual(
    paths.map((p) => [p.path, p.workloads.length]),
    [
      ["kubernetes-manifests", 1],
      ["kustomize/overlays/prod", 1],
      ["helm", 1],
    ],
  );
});

test("a property one deploy path provides holds; a gap in every path is reported once with each place", () => {
  const provided = judgeDeployPaths(
    deployPaths(declared(manifest("dev/cart.yaml"), manifest("prod/cart.yaml", undefined, { replicas: 3 }))),
    lacksReplicas,
  );
  assert.equal(provided.providedBy?.path, "prod");
  const missing = judgeDeployPaths(
    deployPaths(declared(manifest("k8s/cart.yaml"), manifest("helm/templates/cart.yaml", "helm"))),
    lacksReplicas,
  );
  assert.deepEqual(
    missing.gaps?.map((g) => g.label),
    ["Deployment/cart"],
  );
  assert.deepEqual(
    missing.places?.map((e) => (e.type === "repo" ? e.path : e.name)),
    ["k8s/cart.yaml", "helm/templates/cart.yaml"],
  );
});

test("what a cluster runs is one deploy path: the same workload in two namespaces is two workloads, both judged", () => {
  const [cart] = declared(manifest("k8s/cart.yaml"));
  const running = (namespace: string, replicas: number): WorkloadFacts => ({ ...cart!, declaredAt: undefined, namespace, replicas });
  const paths = deployPaths([running("staging", 1), running("prod", 3)]);
  assert.deepEqual(
    paths.map((p) => [p.path, p.workloads.map((w) => w.namespace)]),
    [["", ["staging", "prod"]]],
  );
  assert.deepEqual(
    judgeDeployPaths(paths, lacksReplicas).gaps?.map((g) => g.label),
    ["Deployment/cart"],
  );
});
