import type { ClusterCheck } from "@/lib/rules/types";
import { evidence, longRunning, notApplicable, selects, verdict } from "@/lib/rules/helpers/cluster";
import { plural } from "@/lib/rules/helpers/results";

/** Port binding (VII): a container that listens is reachable through a Service. */
export const rule: ClusterCheck = {
  id: "clusterPortsExposedByService",
  version: 1,
  factor: "port-binding",
  judges: "cluster",
  effort: "low",
  defaultWeight: 1,
  title: "Container ports are exposed by a Service",
  rationale: "A process exports its service by binding a port; the platform routes to it through a Service.",
  evaluate(facts) {
    const listening = longRunning(facts).filter((w) => w.containers.some((c) => !c.init && c.ports.length > 0));
    if (listening.length === 0) return notApplicable("No container declares a port.");
    const failures = listening
      .filter((w) => !facts.services.some((s) => s.namespace === w.namespace && selects(s.selector, w.podLabels)))
      .map((w) => evidence(facts, w, "spec.template.spec.containers[*].ports", "no Service selects these pods"));
    return verdict(
      failures,
      "Every listening workload has a Service.",
      (n) => `${plural(n, "workload", { verb: "declare" })} ports no Service exposes.`,
    );
  },
};
