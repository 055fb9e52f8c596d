import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseManifests } from "@/lib/facts/parse-manifests";

const MULTI = `# leading comment
apiVersion: apps/v1
kind: Deployment
metadata:
  name: orders
  namespace: shop
spec:
  replicas: 2
---
apiVersion: v1
kind: Service
metadata:
  name: orders
---
# not Kubernetes: no apiVersion/kind
foo: bar
---
apiVersion: v1
kind: Secret
metadata:
  name: orders-db
stringData:
  password: hunter2
data:
  url: cG9zdGdyZXM6Ly8=
`;

describe("parseManifests", () => {
  it("splits documents with their index and line range, skipping non-Kubernetes documents", () => {
    const { objects, problems } = parseManifests({ path: "k8s/all.yaml", text: MULTI });
    assert.deepEqual(problems, []);
    assert.deepEqual(
      objects.map((o) => [o.documentIndex, o.kind, o.name, o.namespace, o.lineStart, o.lineEnd]),
      [
        [0, "Deployment", "orders", "shop", 2, 8],
        [1, "Service", "orders", null, 10, 13],
        [3, "Secret", "orders-db", null, 18, 25],
      ],
    );
    assert.equal((objects[0]?.object.spec as { replicas: number }).replicas, 2);
  });

  it("keeps Secret keys but never their values", () => {
    const secret = parseManifests({ path: "k8s/all.yaml", text: MULTI }).objects[2];
    assert.deepEqual(secret?.object.stringData, { password: "****" });
    assert.deepEqual(secret?.object.data, { url: "****" });
    assert.doesNotMatch(JSON.stringify(secret), /hunter2|cG9zdGdyZXM6Ly8=/);
  });

  it("reports a broken document and still returns the others", () => {
    const text =
      "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n---\napiVersion: v1\nkind: [oops\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n";
    const { objects, problems } = parseManifests({ path: "k8s/cm.yaml", text });
    assert.deepEqual(
      objects.map((o) => [o.name, o.documentIndex, o.lineStart]),
      [
        ["a", 0, 1],
        ["c", 2, 9],
      ],
    );
    assert.equal(problems.length, 1);
    assert.match(problems[0] ?? "", /^document 2: /);
    assert.doesNotMatch(problems[0] ?? "", /\n/);
  });

  it("expands List items with their own lines", () => {
    const text =
      "apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: ConfigMap\n    metadata: {name: one}\n  - apiVersion: v1\n    kind: ConfigMap\n    metadata: {name: two}\n";
    const { objects } = parseManifests({ path: "list.yaml", text });
    assert.deepEqual(
      objects.map((o) => [o.name, o.lineStart, o.lineEnd]),
      [
        ["one", 4, 6],
        ["two", 7, 9],
      ],
    );
  });

  it("records a kustomization without apiVersion/kind and its resources", () => {
    const { objects } = parseManifests({ path: "deploy/kustomization.yaml", text: "resources:\n  - deployment.yaml\n  - service.yaml\n" });
    assert.equal(objects[0]?.kind, "Kustomization");
    assert.deepEqual(objects[0]?.object.resources, ["deployment.yaml", "service.yaml"]);
  });

  it("leaves out Backstage descriptors and plain YAML", () => {
    const text = "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: orders\n---\nname: ci\non: push\n";
    assert.deepEqual(parseManifests({ path: "catalog-info.yaml", text }).objects, []);
  });

  it("rejects duplicate keys instead of silently keeping one", () => {
    const { objects, problems } = parseManifests({ path: "dup.yaml", text: "apiVersion: v1\nkind: ConfigMap\nkind: Secret\n" });
    assert.deepEqual(objects, []);
    assert.equal(problems.length, 1);
  });
});

describe("parseManifests: a YAML nested past any deploy file's depth is refused, not parsed for seconds", () => {
  const deep: [what: string, text: string][] = [
    ["flow sequences `[[[[…`", "a: " + "[".repeat(500_000)],
    ["block sequences `- - - …`", "- ".repeat(250_000)],
  ];
  for (const [what, text] of deep) {
    // Refused before the YAML parser sees it (9 s on 500 KB of `[[[[`); a timeout only guards that.
    it(`${what}: one problem naming the bound`, { timeout: 10_000 }, () => {
      const { objects, problems } = parseManifests({ path: "k8s/deep.yaml", text });
      assert.deepEqual([objects, problems], [[], ["nested more than 64 levels deep: not parsed"]]);
    });
  }
});
