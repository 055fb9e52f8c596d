import { appContainers, longRunning, workloadEvidence, workloadName } from "@/lib/rules/helpers/workloads";
import { acrossPaths, deployPaths, judgeDeployPaths } from "@/lib/rules/helpers/deploy-paths";
import { fail, notApplicable, pass, plural } from "@/lib/rules/helpers/results";
import type { WorkloadCheck } from "@/lib/rules/types";

export const rule: WorkloadCheck = {
  id: "declaresResourceRequests",
  version: 3,
  factor: "concurrency",
  title: "Containers declare CPU and memory requests (and a memory limit)",
  rationale:
    "Scaling out by the process model needs the scheduler to know what one process costs: requests decide placement " +
    "and are what a HorizontalPodAutoscaler measures utilisation against; a memory limit keeps one leaky process from starving its neighbours.",
  judges: "workload",
  effort: "low",
  defaultWeight: 3,
  evaluate(subject) {
    const workloads = longRunning(subject);
    if (workloads.length === 0) return notApplicable("No long-running workload runs it.");
    const paths = deployPaths(workloads);
    const judged = judgeDeployPaths(paths, (w) =>
      appContainers(w).flatMap((c) => {
        // Facts collected before the split knew only "some request" and "some limit".
        const r = c.resources ?? { cpuRequest: c.requests, memoryRequest: c.requests, memoryLimit: c.limits };
        const lacks = [
          r.cpuRequest ? null : "cpu request",
          r.memoryRequest ? null : "memory request",
          r.memoryLimit ? null : "memory limit",
        ].filter((x): x is string => x !== null);
        return lacks.length === 0
          ? []
          : [
              {
                label: `${workloadName(w)} ${c.name} (no ${lacks.join(", no ")})`,
                evidence: workloadEvidence(subject, w, {
                  container: c,
                  field: "resources",
                  pattern: /^\s*resources:/,
                  snippet: `no ${lacks.join(", no ")}`,
                }),
              },
            ];
      }),
    );
    if (judged.gaps)
      return fail(
        `Containers without resource requests${acrossPaths(paths)}: ${judged.gaps.map((g) => g.label).join("; ")}.`,
        judged.places,
      );
    return pass(`Every container declares requests and a memory limit (${plural(judged.providedBy.workloads.length, "workload")}).`);
  },
};
