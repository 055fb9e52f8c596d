import { autoscalersOf, budgetsOf, scalable, workloadEvidence, workloadName, workloadSet } from "@/lib/rules/helpers/workloads";
import { fail, notApplicable, pass, plural } from "@/lib/rules/helpers/results";
import type { WorkloadCheck } from "@/lib/rules/types";
import { LONG_RUNNING } from "@/lib/rules/helpers/kinds";

export const rule: WorkloadCheck = {
  id: "declaresPodDisruptionBudget",
  version: 3,
  factor: "disposability",
  title: "Replicated workloads have a PodDisruptionBudget",
  rationale:
    "Disposable processes get stopped on purpose too: node drains and cluster upgrades evict pods. A PodDisruptionBudget " +
    "makes the platform stop them a few at a time, so a drain never takes every replica down at once.",
  judges: "workload",
  effort: "low",
  defaultWeight: 3,
  kinds: LONG_RUNNING,
  evaluate(subject) {
    const set = workloadSet(subject);
    // Several replicas at rest: replicas > 1, or an autoscaler that keeps more than one. One replica (an HPA
    // from 1 included) has nothing a budget could keep running during a drain. One per kind/name (and
    // namespace, in a cluster), however many deploy paths declare it.
    const seen = new Set<string>();
    const replicated = scalable(subject).filter((w) => {
      const floor = Math.max(w.replicas ?? 1, ...autoscalersOf(set, w).map((h) => h.minReplicas ?? 1));
      const id = `${w.declaredAt ? "" : w.namespace}/${workloadName(w)}`;
      if (floor < 2 || seen.has(id)) return false;
      seen.add(id);
      return true;
    });
    if (replicated.length === 0) return notApplicable("No workload runs more than one replica at rest.");
    const uncovered = replicated.filter((w) => budgetsOf(set, w).length === 0);
    if (uncovered.length > 0)
      return fail(
        `No PodDisruptionBudget selects ${uncovered.map(workloadName).join(", ")}.`,
        uncovered.map((w) => workloadEvidence(subject, w, { pattern: /^\s*kind:/, snippet: "no PodDisruptionBudget selects its pods" })),
      );
    return pass(`A PodDisruptionBudget covers ${plural(replicated.length, "replicated workload")}.`);
  },
};
