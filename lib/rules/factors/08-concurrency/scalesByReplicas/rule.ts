import { dig, longRunningWorkloads, manifestEvidence, objectName } from "@/lib/rules/helpers/manifests";
import { fail, notApplicable, pass } from "@/lib/rules/helpers/results";
import type { RepositoryCheck } from "@/lib/rules/types";
import type { ManifestObject, ServiceFacts } from "@/lib/facts/types";

// DaemonSets scale with nodes and Jobs run to completion: neither is scaled out by replicas.
const SCALABLE = new Set(["Deployment", "StatefulSet", "Rollout", "DeploymentConfig"]);
const AUTOSCALERS = new Set(["HorizontalPodAutoscaler", "ScaledObject"]);

export const rule: RepositoryCheck = {
  id: "scalesByReplicas",
  version: 1,
  factor: "concurrency",
  title: "Workloads scale out with several replicas or an autoscaler",
  rationale:
    "The process model scales by running more identical processes. A single replica is one crash or one node " +
    "drain away from an outage and cannot absorb load; run at least two, or let an autoscaler decide.",
  judges: "repository",
  effort: "low",
  defaultWeight: 5,
  evaluate(facts) {
    const workloads = longRunningWorkloads(facts).filter((m) => SCALABLE.has(m.kind));
    if (workloads.length === 0) return notApplicable("No Deployment or StatefulSet manifest found.");
    const scaled = autoscaledNames(facts);
    const single = workloads.filter((m) => !scaled.has(`${m.kind}/${m.name}`) && replicas(m) < 2);
    if (single.length > 0) {
      const evidence = single.map((m) => manifestEvidence(facts, m, /^\s*replicas:/));
      return fail(`A single replica and no autoscaler: ${single.map(objectName).join(", ")}.`, evidence);
    }
    return pass(
      `Several replicas or an autoscaler for ${workloads.map(objectName).join(", ")}.`,
      workloads.map((m) => manifestEvidence(facts, m, /^\s*replicas:/)),
    );
  },
};

/** Kubernetes defaults `replicas` to 1. */
function replicas(m: ManifestObject): number {
  const value = dig(m.object, "spec", "replicas");
  return typeof value === "number" ? value : 1;
}

/** `Kind/name` of every workload an HPA or KEDA ScaledObject targets. */
function autoscaledNames(facts: ServiceFacts): Set<string> {
  const names = new Set<string>();
  for (const m of facts.manifests.filter((m) => AUTOSCALERS.has(m.kind))) {
    const name = dig(m.object, "spec", "scaleTargetRef", "name");
    const kind = dig(m.object, "spec", "scaleTargetRef", "kind") ?? "Deployment";
    if (typeof name === "string") names.add(`${String(kind)}/${name}`);
  }
  return names;
}
