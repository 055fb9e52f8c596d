import { dig, longRunningWorkloads, manifestEvidence, objectName } from "@/lib/rules/helpers/manifests";
import { acrossPaths, deployPaths, judgeDeployPaths } from "@/lib/rules/helpers/deploy-paths";
import { fail, notApplicable, pass } from "@/lib/rules/helpers/results";
import type { RepositoryCheck } from "@/lib/rules/types";
import type { ManifestObject, ServiceFacts } from "@/lib/facts/types";
import { LONG_RUNNING } from "@/lib/rules/helpers/kinds";

// DaemonSets scale with nodes and Jobs run to completion: neither is scaled out by replicas.
const SCALABLE = new Set(["Deployment", "StatefulSet", "Rollout", "DeploymentConfig"]);
const AUTOSCALERS = new Set(["HorizontalPodAutoscaler", "ScaledObject"]);

export const rule: RepositoryCheck = {
  id: "scalesByReplicas",
  version: 2,
  factor: "concurrency",
  title: "Workloads scale out with several replicas or an autoscaler",
  rationale:
    "The process model scales by running more identical processes. A single replica is one crash or one node " +
    "drain away from an outage and cannot absorb load; run at least two, or let an autoscaler decide.",
  judges: "repository",
  effort: "low",
  defaultWeight: 5,
  kinds: LONG_RUNNING,
  evaluate(facts) {
    const workloads = longRunningWorkloads(facts).filter((m) => SCALABLE.has(m.kind));
    if (workloads.length === 0) return notApplicable("No Deployment or StatefulSet manifest found.");
    const scaled = autoscaledNames(facts);
    const paths = deployPaths(workloads);
    const judged = judgeDeployPaths(paths, (m) =>
      // A replica count set from an unresolved value is not known to be 1: not a gap.
      scaled.has(`${m.kind}/${m.name}`) || (replicas(m) ?? 2) >= 2
        ? []
        : [{ label: objectName(m), evidence: manifestEvidence(facts, m, /^\s*replicas:/) }],
    );
    if (judged.gaps)
      return fail(`A single replica and no autoscaler${acrossPaths(paths)}: ${judged.gaps.map((g) => g.label).join(", ")}.`, judged.places);
    return pass(
      `Several replicas or an autoscaler for ${[...new Set(judged.providedBy.workloads.map(objectName))].join(", ")}.`,
      judged.providedBy.workloads.map((m) => manifestEvidence(facts, m, /^\s*replicas:/)),
    );
  },
};

/** Kubernetes defaults `replicas` to 1; null when a template sets it from a value that could not be resolved. */
function replicas(m: ManifestObject): number | null {
  const value = dig(m.object, "spec", "replicas");
  if (typeof value === "number") return value;
  return value === undefined || value === null ? 1 : null;
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
