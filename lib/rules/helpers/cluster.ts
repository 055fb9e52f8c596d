import type { ClusterServiceFacts, ContainerFact, WorkloadFacts } from "@/lib/facts/cluster-types";
import type { ClusterEvidence, RuleResult } from "@/lib/rules/types";

/** Workloads that run continuously (where probes, replicas and Services make sense). */
export function longRunning(facts: ClusterServiceFacts): WorkloadFacts[] {
  return facts.workloads.filter((w) => w.kind === "Deployment" || w.kind === "StatefulSet" || w.kind === "DaemonSet");
}

/** The app containers (not init containers) of some workloads, with their workload. */
export function appContainers(workloads: WorkloadFacts[]): { w: WorkloadFacts; c: ContainerFact }[] {
  return workloads.flatMap((w) => w.containers.filter((c) => !c.init).map((c) => ({ w, c })));
}

/** Evidence naming the cluster, namespace, kind, name and field path. */
export function evidence(facts: ClusterServiceFacts, w: WorkloadFacts, jsonPath: string, snippet?: string): ClusterEvidence {
  return {
    type: "cluster",
    cluster: facts.cluster,
    namespace: w.namespace,
    kind: w.kind,
    name: w.name,
    jsonPath,
    ...(snippet ? { snippet } : {}),
  };
}

/** True when a non-empty selector picks a pod with these labels. */
export function selects(selector: Record<string, string>, labels: Record<string, string>): boolean {
  const entries = Object.entries(selector);
  return entries.length > 0 && entries.every(([k, v]) => labels[k] === v);
}

/** pass with a message when nothing failed, fail with the evidence otherwise. */
export function verdict(failures: ClusterEvidence[], pass: string, fail: (n: number) => string): RuleResult {
  return failures.length === 0
    ? { outcome: "pass", message: pass, evidence: [] }
    : { outcome: "fail", message: fail(failures.length), evidence: failures };
}

/** Nothing of the kind this check judges runs for the service. */
export function notApplicable(message: string): RuleResult {
  return { outcome: "notApplicable", message, evidence: [] };
}
