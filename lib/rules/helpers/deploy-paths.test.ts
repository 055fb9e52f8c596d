import assert from "node:assert/strict";
import { test } from "node:test";
import { deployPaths, judgeDeployPaths } from "@/lib/rules/helpers/deploy-paths";
import type { ManifestObject } from "@/lib/facts/types";

const workload = (path: string, via?: string, extra: Record<string, unknown> = {}): ManifestObject => ({
  path,
  documentIndex: 0,
  lineStart: 1,
  lineEnd: 20,
  apiVersion: "apps/v1",
  kind: "Deployment",
  name: "cart",
  namespace: null,
  object: { kind: "Deployment", metadata: { name: "cart" }, spec: extra },
  ...(via ? { via } : {}),
});
const evidence = (path: string) => ({ type: "repo" as const, path, lineStart: 3, lineEnd: 3, snippet: "" });
const lacksReplicas = (m: ManifestObject) =>
  m.object.spec && (m.object.spec as { replicas?: number }).replicas ? [] : [{ label: "Deployment/cart", evidence: evidence(m.path) }];

test("declarations are grouped by where they are rendered from, one per kind and name", () => {
  const paths = deployPaths([
    workload("kubernetes-manifests/cart.yaml"),
    workload("kustomize/base/cart.yaml", "kustomize/overlays/prod"),
    workload("kustomize/base/cart.yaml", "kustomize/overlays/prod"),
    workload("helm/templates/cart.yaml", "helm"),
  ]);
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
    deployPaths([workload("dev/cart.yaml"), workload("prod/cart.yaml", undefined, { replicas: 3 })]),
    lacksReplicas,
  );
  assert.equal(provided.providedBy?.path, "prod");
  const missing = judgeDeployPaths(deployPaths([workload("k8s/cart.yaml"), workload("helm/templates/cart.yaml", "helm")]), lacksReplicas);
  assert.deepEqual(
    missing.gaps?.map((g) => g.label),
    ["Deployment/cart"],
  );
  assert.deepEqual(
    missing.places?.map((e) => e.path),
    ["k8s/cart.yaml", "helm/templates/cart.yaml"],
  );
});
