import { containerEvidence, containerName, containers, dig, longRunningWorkloads, objectName } from "@/lib/rules/helpers/manifests";
import { acrossPaths, deployPaths, judgeDeployPaths } from "@/lib/rules/helpers/deploy-paths";
import { fail, notApplicable, pass, plural } from "@/lib/rules/helpers/results";
import type { RepositoryCheck } from "@/lib/rules/types";

export const rule: RepositoryCheck = {
  id: "declaresResourceRequests",
  version: 2,
  factor: "concurrency",
  title: "Containers declare CPU and memory requests (and a memory limit)",
  rationale:
    "Scaling out by the process model needs the scheduler to know what one process costs: requests decide placement " +
    "and are what a HorizontalPodAutoscaler measures utilisation against; a memory limit keeps one leaky process from starving its neighbours.",
  judges: "repository",
  effort: "low",
  defaultWeight: 3,
  evaluate(facts) {
    const workloads = longRunningWorkloads(facts);
    if (workloads.length === 0) return notApplicable("No long-running workload manifest.");
    const paths = deployPaths(workloads);
    const judged = judgeDeployPaths(paths, (m) =>
      containers(m).flatMap((c) => {
        const lacks = [
          dig(c, "resources", "requests", "cpu") === undefined ? "cpu request" : null,
          dig(c, "resources", "requests", "memory") === undefined ? "memory request" : null,
          dig(c, "resources", "limits", "memory") === undefined ? "memory limit" : null,
        ].filter((x): x is string => x !== null);
        return lacks.length === 0
          ? []
          : [
              {
                label: `${objectName(m)} ${containerName(c)} (no ${lacks.join(", no ")})`,
                evidence: containerEvidence(facts, m, c, /^\s*resources:/),
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
