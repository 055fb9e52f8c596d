import { appContainers, longRunning, workloadEvidence, workloadName } from "@/lib/rules/helpers/workloads";
import { fail, notApplicable, pass, plural } from "@/lib/rules/helpers/results";
import type { WorkloadCheck } from "@/lib/rules/types";
import { acrossPaths, deployPaths, judgeDeployPaths } from "@/lib/rules/helpers/deploy-paths";

export const rule: WorkloadCheck = {
  id: "readOnlyRootFilesystem",
  version: 3,
  factor: "auth",
  title: "Containers run with a read-only root filesystem",
  rationale:
    "Least privilege for the filesystem: an attacker who gets code execution cannot drop tools or alter the app, and " +
    "the process cannot quietly keep state on local disk (factor VI). Scratch space is an explicit emptyDir.",
  judges: "workload",
  effort: "medium",
  defaultWeight: 2,
  evaluate(subject) {
    const workloads = longRunning(subject);
    if (workloads.length === 0) return notApplicable("No long-running workload runs it.");
    const paths = deployPaths(workloads);
    const judged = judgeDeployPaths(paths, (w) =>
      appContainers(w)
        .filter((c) => !c.readOnlyRootFilesystem)
        .map((c) => ({
          label: `${workloadName(w)} ${c.name}`,
          evidence: workloadEvidence(subject, w, {
            container: c,
            field: "securityContext.readOnlyRootFilesystem",
            pattern: /readOnlyRootFilesystem|^\s*securityContext:/,
            snippet: "readOnlyRootFilesystem: not true",
          }),
        })),
    );
    if (judged.gaps)
      return fail(
        `Writable root filesystem${acrossPaths(paths)} (${plural(judged.gaps.length, "container")}): ${judged.gaps.map((g) => g.label).join("; ")}.`,
        judged.places,
      );
    return pass(`Every container's root filesystem is read-only${judged.providedBy.path ? ` (${judged.providedBy.path})` : ""}.`);
  },
};
