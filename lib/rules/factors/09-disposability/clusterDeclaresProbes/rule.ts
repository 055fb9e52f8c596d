import type { ClusterCheck } from "@/lib/rules/types";
import { appContainers, evidence, longRunning, notApplicable, verdict } from "@/lib/rules/helpers/cluster";

/** Disposability (IX): readiness and liveness probes let the platform route around and replace processes. */
export const rule: ClusterCheck = {
  id: "clusterDeclaresProbes",
  version: 1,
  factor: "disposability",
  judges: "cluster",
  effort: "low",
  defaultWeight: 2,
  title: "Containers have readiness and liveness probes",
  rationale: "Without probes traffic reaches pods that are not ready and hung processes are never restarted.",
  evaluate(facts) {
    const all = appContainers(longRunning(facts));
    if (all.length === 0) return notApplicable("No long-running containers.");
    const failures = all
      .filter(({ c }) => !c.probes.readiness || !c.probes.liveness)
      .map(({ w, c }) =>
        evidence(
          facts,
          w,
          c.jsonPath,
          `readinessProbe: ${c.probes.readiness ? "set" : "missing"}, livenessProbe: ${c.probes.liveness ? "set" : "missing"}`,
        ),
      );
    return verdict(failures, "Every container has readiness and liveness probes.", (n) => `${n} container(s) lack probes.`);
  },
};
