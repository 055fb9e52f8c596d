import type { ClusterCheck } from "@/lib/rules/types";
import { evidence, notApplicable, replicated, selects, verdict } from "@/lib/rules/helpers/cluster";

/** Disposability (IX): a PodDisruptionBudget keeps voluntary evictions from taking every replica. */
export const rule: ClusterCheck = {
  id: "clusterHasDisruptionBudget",
  version: 1,
  factor: "disposability",
  judges: "cluster",
  effort: "low",
  defaultWeight: 1,
  title: "A PodDisruptionBudget covers the service",
  rationale: "Node drains and upgrades evict pods; a PDB keeps enough of them serving.",
  evaluate(facts) {
    const scalable = replicated(facts);
    if (scalable.length === 0) return notApplicable("No Deployment or StatefulSet.");
    const failures = scalable
      .filter((w) => !facts.pdbs.some((p) => p.namespace === w.namespace && selects(p.selector, w.podLabels)))
      .map((w) => evidence(facts, w, "metadata", "no PodDisruptionBudget selects its pods"));
    return verdict(failures, "A PodDisruptionBudget covers every workload.", (n) => `${n} workload(s) have no PodDisruptionBudget.`);
  },
};
