import type { ClusterCheck } from "@/lib/rules/types";
import { notApplicable, verdict } from "@/lib/rules/helpers/cluster";
import { plural } from "@/lib/rules/helpers/results";

/** Processes (VI): no sticky sessions (Service sessionAffinity: ClientIP). */
export const rule: ClusterCheck = {
  id: "clusterNoStickySessions",
  version: 1,
  factor: "processes",
  judges: "cluster",
  effort: "medium",
  defaultWeight: 1,
  title: "Services do not pin clients to a pod",
  rationale: "sessionAffinity: ClientIP hides in-memory session state that a restart or scale-in loses.",
  evaluate(facts) {
    if (facts.services.length === 0) return notApplicable("No Service selects this service's pods.");
    const failures = facts.services
      .filter((s) => s.sessionAffinity === "ClientIP")
      .map((s) => ({
        type: "cluster" as const,
        cluster: facts.cluster,
        namespace: s.namespace,
        kind: "Service",
        name: s.name,
        jsonPath: "spec.sessionAffinity",
        snippet: "sessionAffinity: ClientIP",
      }));
    return verdict(failures, "No sticky sessions.", (n) => `${plural(n, "Service", { verb: "use" })} sessionAffinity: ClientIP.`);
  },
};
