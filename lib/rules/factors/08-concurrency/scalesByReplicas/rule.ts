import { appContainers, autoscalersOf, scalable, workloadEvidence, workloadName, workloadSet } from "@/lib/rules/helpers/workloads";
import { imageRepository } from "@/lib/rules/helpers/images";
import { BACKING_IMAGE } from "@/lib/rules/helpers/manifests";
import { acrossPaths, deployPaths, judgeDeployPaths } from "@/lib/rules/helpers/deploy-paths";
import { fail, notApplicable, pass } from "@/lib/rules/helpers/results";
import type { WorkloadCheck } from "@/lib/rules/types";
import type { WorkloadFacts } from "@/lib/facts/workload/types";
import { LONG_RUNNING } from "@/lib/rules/helpers/kinds";

export const rule: WorkloadCheck = {
  id: "scalesByReplicas",
  version: 4,
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
    const all = scalable(subject);
    // A data store a cluster runs (a PostgreSQL StatefulSet) grows by its own replication, not by identical
    // copies: its replica count is its topology. A repository's are attached resources already (longRunning).
    const workloads = all.filter((w) => !runsDataStore(w));
    if (workloads.length === 0)
      return notApplicable(
        all.length > 0 ? "Only a data store runs it: it scales by its own replication." : "No Deployment or StatefulSet runs it.",
      );
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

/** Every app container runs a backing service's image (`postgres`, `redis`, …). */
function runsDataStore(w: WorkloadFacts): boolean {
  const images = appContainers(w).map((c) => imageRepository(c.image));
  return images.length > 0 && images.every((image) => BACKING_IMAGE.test(image));
}
