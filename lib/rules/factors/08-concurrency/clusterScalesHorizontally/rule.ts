import type { ClusterCheck } from "@/lib/rules/types";
import { evidence, notApplicable, replicated, verdict } from "@/lib/rules/helpers/cluster";

/** Concurrency (VIII): more than one replica, or an HPA that scales it. */
export const rule: ClusterCheck = {
  id: "clusterScalesHorizontally",
  version: 1,
  factor: "concurrency",
  judges: "cluster",
  effort: "low",
  defaultWeight: 2,
  title: "Runs at least two replicas or has an HPA",
  rationale: "One replica is one process: no scale-out and an outage at every rollout or node drain.",
  evaluate(facts) {
    const scalable = replicated(facts);
    if (scalable.length === 0) return notApplicable("No Deployment or StatefulSet.");
    const failures = scalable
      .filter(
        (w) =>
          (w.replicas ?? 1) < 2 &&
          !facts.hpas.some((h) => h.namespace === w.namespace && h.targetKind === w.kind && h.targetName === w.name),
      )
      .map((w) => evidence(facts, w, "spec.replicas", `replicas: ${w.replicas ?? 1}`));
    return verdict(failures, "Scales out by replicas or an HPA.", (n) => `${n} workload(s) run a single replica without an HPA.`);
  },
};
