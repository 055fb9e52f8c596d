import type { ClusterCheck } from "@/lib/rules/types";
import { appContainers, evidence, longRunning, notApplicable, verdict } from "@/lib/rules/helpers/cluster";

/** Concurrency (VIII): requests and limits let the scheduler pack and scale processes. */
export const rule: ClusterCheck = {
  id: "clusterDeclaresResources",
  version: 1,
  factor: "concurrency",
  judges: "cluster",
  effort: "low",
  defaultWeight: 1,
  title: "Containers declare resource requests and limits",
  rationale: "Without requests the scheduler cannot place processes; without limits one process starves its neighbours.",
  evaluate(facts) {
    const all = appContainers(longRunning(facts));
    if (all.length === 0) return notApplicable("No long-running containers.");
    const failures = all
      .filter(({ c }) => !c.requests || !c.limits)
      .map(({ w, c }) =>
        evidence(
          facts,
          w,
          `${c.jsonPath}.resources`,
          `requests: ${c.requests ? "set" : "missing"}, limits: ${c.limits ? "set" : "missing"}`,
        ),
      );
    return verdict(failures, "Every container declares requests and limits.", (n) => `${n} container(s) lack requests or limits.`);
  },
};
