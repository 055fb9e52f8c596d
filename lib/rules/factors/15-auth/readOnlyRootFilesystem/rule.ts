import { containerEvidence, containerName, containers, dig, longRunningWorkloads, objectName } from "@/lib/rules/helpers/manifests";
import { fail, notApplicable, pass, plural } from "@/lib/rules/helpers/results";
import type { RepositoryCheck } from "@/lib/rules/types";
import { acrossPaths, deployPaths, judgeDeployPaths } from "@/lib/rules/helpers/deploy-paths";

export const rule: RepositoryCheck = {
  id: "readOnlyRootFilesystem",
  version: 2,
  factor: "auth",
  title: "Containers run with a read-only root filesystem",
  rationale:
    "Least privilege for the filesystem: an attacker who gets code execution cannot drop tools or alter the app, and " +
    "the process cannot quietly keep state on local disk (factor VI). Scratch space is an explicit emptyDir.",
  judges: "repository",
  effort: "medium",
  defaultWeight: 2,
  evaluate(facts) {
    const workloads = longRunningWorkloads(facts);
    if (workloads.length === 0) return notApplicable("No long-running workload manifest.");
    const paths = deployPaths(workloads);
    const judged = judgeDeployPaths(paths, (m) =>
      containers(m)
        .filter((c) => dig(c, "securityContext", "readOnlyRootFilesystem") !== true)
        .map((c) => ({
          label: `${objectName(m)} ${containerName(c)}`,
          evidence: containerEvidence(facts, m, c, /readOnlyRootFilesystem|^\s*securityContext:/),
        })),
    );
    if (judged.gaps)
      return fail(
        `Writable root filesystem${acrossPaths(paths)} (${plural(judged.gaps.length, "container")}): ${judged.gaps.map((g) => g.label).join("; ")}.`,
        judged.places,
      );
    return pass(`Every container's root filesystem is read-only (${judged.providedBy.path || "."}).`);
  },
};
