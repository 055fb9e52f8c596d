import { autoscalersOf, scalable, workloadEvidence, workloadName, workloadSet } from "@/lib/rules/helpers/workloads";
import { acrossPaths, deployPaths, judgeDeployPaths } from "@/lib/rules/helpers/deploy-paths";
import { fail, notApplicable, pass } from "@/lib/rules/helpers/results";
import type { WorkloadCheck } from "@/lib/rules/types";
import { LONG_RUNNING } from "@/lib/rules/helpers/kinds";

export const rule: WorkloadCheck = {
  id: "scalesByReplicas",
  version: 3,
  factor: "concurrency",
  title: "Workloads scale out with several replicas or an autoscaler",
  rationale:
    "The process model scales by running more identical processes. A single replica is one crash or one node " +
    "drain away from an outage and cannot absorb load; run at least two, or let an autoscaler decide.",
  judges: "workload",
  effort: "low",
  defaultWeight: 5,
  kinds: LONG_RUNNING,
  evaluate(subject) {
    const workloads = scalable(subject);
    if (workloads.length === 0) return notApplicable("No Deployment or StatefulSet runs it.");
    const set = workloadSet(subject);
    const paths = deployPaths(workloads);
    const judged = judgeDeployPaths(paths, (w) =>
      // A replica count set from an unresolved value is not known to be 1: not a gap.
      autoscalersOf(set, w).length > 0 || w.replicasUnresolved || (w.replicas ?? 1) >= 2
        ? []
        : [
            {
              label: workloadName(w),
              evidence: workloadEvidence(subject, w, {
                pattern: /^\s*replicas:/,
                field: "spec.replicas",
                snippet: `replicas: ${w.replicas ?? 1}`,
              }),
            },
          ],
    );
    if (judged.gaps)
      return fail(`A single replica and no autoscaler${acrossPaths(paths)}: ${judged.gaps.map((g) => g.label).join(", ")}.`, judged.places);
    return pass(
      `Several replicas or an autoscaler for ${[...new Set(judged.providedBy.workloads.map(workloadName))].join(", ")}.`,
      subject.kind === "repository"
        ? judged.providedBy.workloads.map((w) => workloadEvidence(subject, w, { pattern: /^\s*replicas:/ }))
        : [],
    );
  },
};
