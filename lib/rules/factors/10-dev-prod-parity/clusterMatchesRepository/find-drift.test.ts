import { before, describe, it } from "node:test";
import assert from "node:assert/strict";
import type { ClusterFacts } from "@/lib/facts/cluster-types";
import { combineServiceScore } from "@/lib/scoring/combine-service-score";
import { findDrift } from "@/lib/rules/factors/10-dev-prod-parity/clusterMatchesRepository/find-drift";
import { runRules } from "@/lib/rules/run-rules";
import { selectServiceFacts } from "@/lib/pipeline/select-service-facts";
import { parseManifests } from "@/lib/facts/parse-manifests";
import type { Finding } from "@/lib/rules/types";
import { collectShop } from "@/test/kubernetes/collect-shop";

const declared = (o: { image: string; replicas: number; probes: boolean; env: string[] }) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: legacy-billing
  namespace: shop
spec:
  replicas: ${o.replicas}
  selector: { matchLabels: { app.kubernetes.io/name: legacy-billing } }
  template:
    metadata: { labels: { app.kubernetes.io/name: legacy-billing } }
    spec:
      containers:
        - name: legacy-billing
          image: ${o.image}
${o.env.length ? `          env:\n${o.env.map((n) => `            - { name: ${n}, value: x }`).join("\n")}\n` : ""}${o.probes ? "          readinessProbe: { httpGet: { path: /healthz, port: 9000 } }\n          livenessProbe: { httpGet: { path: /healthz, port: 9000 } }\n" : ""}`;

describe("drift between a repository and a cluster", () => {
  let facts: ClusterFacts;
  const billing = () => selectServiceFacts({ facts, workloads: facts.workloads.filter((w) => w.name === "legacy-billing") });
  before(async () => {
    facts = await collectShop();
  });

  it("reports image, replicas, probes and env keys that differ, and the digest running for a declared tag", () => {
    const { objects } = parseManifests({
      path: "k8s/deploy.yaml",
      text: declared({ image: "registry.example.com/acme/legacy-billing:2.0.0", replicas: 3, probes: true, env: ["PORT", "DATABASE_URL"] }),
    });
    const { finding, items } = findDrift({ manifests: objects, cluster: billing() });
    assert.equal(finding.outcome, "fail");
    assert.deepEqual(items.map((d) => d.field).sort(), ["digest", "envKeys", "image", "probes", "replicas"]);
    const digest = items.find((d) => d.field === "digest")!;
    assert.equal(digest.running, `sha256:${"b".repeat(64)}`);
    assert.equal(finding.evidence[0]!.type, "cluster");
  });

  it("passes when the cluster runs what is declared, and is not applicable when nothing declared runs", () => {
    const same = parseManifests({
      path: "k8s/deploy.yaml",
      text: declared({
        image: "registry.example.com/acme/legacy-billing:latest",
        replicas: 1,
        probes: false,
        env: ["DB_PASSWORD", "PORT"],
      }),
    });
    assert.equal(findDrift({ manifests: same.objects, cluster: billing() }).finding.outcome, "pass");
    assert.equal(findDrift({ manifests: [], cluster: billing() }).finding.outcome, "notApplicable");
  });

  it("scores a service on the union of its repository and cluster findings", () => {
    const repo: Finding[] = [
      {
        ruleId: "declaresProbes",
        ruleVersion: 1,
        factor: "disposability",
        title: "t",
        effort: "low",
        weight: 2,
        outcome: "pass",
        message: "",
        evidence: [],
      },
    ];
    const cluster = runRules({ subject: { kind: "cluster", facts: billing(), declared: [] } });
    const repoOnly = combineServiceScore({ repoFindings: repo, clusterFindings: [] });
    const both = combineServiceScore({ repoFindings: repo, clusterFindings: cluster });
    assert.equal(repoOnly.factors.find((f) => f.factor === "disposability")!.score, 100);
    // Declared probes pass in the repository, but the cluster runs none: disposability falls.
    assert.ok(both.factors.find((f) => f.factor === "disposability")!.score! < 50);
    assert.ok(both.score! < repoOnly.score!);
  });
});
