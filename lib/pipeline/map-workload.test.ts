import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { mapWorkload, type ServiceCandidate } from "@/lib/pipeline/map-workload";
import type { WorkloadFacts } from "@/lib/facts/cluster-types";

const candidates: ServiceCandidate[] = [
  { id: 1, name: "checkout", slug: "checkout", repoUrl: "https://github.com/acme/checkout-service" },
  { id: 2, name: "Billing API", slug: "billing-api", repoUrl: null },
  { id: 3, name: "search", slug: "search", repoUrl: null },
];

function workload(o: Partial<WorkloadFacts> & { image?: string }): WorkloadFacts {
  return {
    kind: "Deployment",
    namespace: "shop",
    name: o.name ?? "w",
    labels: o.labels ?? {},
    annotations: o.annotations ?? {},
    podLabels: {},
    replicas: 2,
    terminationGracePeriodSeconds: null,
    volumes: { pvc: [], hostPath: [] },
    running: { digests: [], restarts: 0, pods: 0 },
    containers: [
      {
        name: "app",
        image: o.image ?? "nginx:1.27",
        init: false,
        jsonPath: "spec.template.spec.containers[0]",
        env: [],
        envFrom: [],
        ports: [],
        probes: { readiness: true, liveness: true, startup: false },
        preStop: true,
        requests: true,
        limits: true,
        runAsNonRoot: true,
        readOnlyRootFilesystem: true,
        runsMigrations: false,
      },
    ],
  };
}

describe("mapWorkload", () => {
  it("joins by annotation first, then label, then image repository name", () => {
    const table: [WorkloadFacts, number | null, string][] = [
      [
        workload({ annotations: { "dozen.dev/repo": "acme/checkout-service" }, labels: { "app.kubernetes.io/name": "search" } }),
        1,
        "annotation",
      ],
      [workload({ annotations: { "dozen.dev/service": "billing-api" } }), 2, "annotation"],
      [workload({ labels: { "app.kubernetes.io/name": "Billing API" } }), 2, "label"],
      [workload({ labels: { "app.kubernetes.io/part-of": "search" } }), 3, "label"],
      [workload({ image: "registry:5000/acme/search:2.1@sha256:abc" }), 3, "image"],
      [workload({ name: "mystery", image: "ghcr.io/x/mystery:1" }), null, "none"],
    ];
    for (const [w, id, by] of table) {
      const m = mapWorkload({ workload: w, candidates });
      assert.deepEqual([m.serviceId, m.mappedBy], [id, by], JSON.stringify(w.annotations) + JSON.stringify(w.labels));
    }
  });

  it("keeps unmapped workloads with a group name and owners from labels", () => {
    const m = mapWorkload({
      workload: workload({ name: "redis-0", labels: { "app.kubernetes.io/name": "redis", team: "platform" } }),
      candidates,
    });
    assert.deepEqual(m, { serviceId: null, mappedBy: "none", groupName: "redis", owners: ["platform"] });
  });
});
