import type { ClusterCheck } from "@/lib/rules/types";
import { appContainers, evidence, notApplicable, verdict } from "@/lib/rules/helpers/cluster";

/** Auth (XV): least privilege: non-root, read-only root filesystem. */
export const rule: ClusterCheck = {
  id: "clusterRunsAsNonRoot",
  version: 1,
  factor: "auth",
  judges: "cluster",
  effort: "medium",
  defaultWeight: 2,
  title: "Containers run as non-root with a read-only root filesystem",
  rationale: "A compromised process running as root on a writable filesystem can persist and escalate.",
  evaluate(facts) {
    const all = appContainers(facts.workloads);
    if (all.length === 0) return notApplicable("No containers run for this service.");
    const failures = all
      .filter(({ c }) => !c.runAsNonRoot || !c.readOnlyRootFilesystem)
      .map(({ w, c }) =>
        evidence(
          facts,
          w,
          `${c.jsonPath}.securityContext`,
          `runAsNonRoot: ${c.runAsNonRoot}, readOnlyRootFilesystem: ${c.readOnlyRootFilesystem}`,
        ),
      );
    return verdict(
      failures,
      "Every container runs as non-root on a read-only root filesystem.",
      (n) => `${n} container(s) run as root or with a writable root filesystem.`,
    );
  },
};
