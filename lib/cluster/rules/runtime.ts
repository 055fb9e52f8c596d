import type { ClusterRuleDefinition } from "@/lib/cluster/rules/helpers";
import { appContainers, evidence, longRunning, notApplicable, replicated, selects, verdict } from "@/lib/cluster/rules/helpers";

/** Concurrency (VIII): more than one replica, or an HPA that scales it. */
export const clusterScalesHorizontally: ClusterRuleDefinition = {
  id: "clusterScalesHorizontally", version: 1, factor: "concurrency", appliesTo: ["cluster"], effort: "low", defaultWeight: 2,
  title: "Runs at least two replicas or has an HPA",
  rationale: "One replica is one process: no scale-out and an outage at every rollout or node drain.",
  evaluate(facts) {
    const scalable = replicated(facts);
    if (scalable.length === 0) return notApplicable("No Deployment or StatefulSet.");
    const failures = scalable
      .filter((w) => (w.replicas ?? 1) < 2 && !facts.hpas.some((h) => h.namespace === w.namespace && h.targetKind === w.kind && h.targetName === w.name))
      .map((w) => evidence(facts, w, "spec.replicas", `replicas: ${w.replicas ?? 1}`));
    return verdict(failures, "Scales out by replicas or an HPA.", (n) => `${n} workload(s) run a single replica without an HPA.`);
  },
};

/** Concurrency (VIII): requests and limits let the scheduler pack and scale processes. */
export const clusterDeclaresResources: ClusterRuleDefinition = {
  id: "clusterDeclaresResources", version: 1, factor: "concurrency", appliesTo: ["cluster"], effort: "low", defaultWeight: 1,
  title: "Containers declare resource requests and limits",
  rationale: "Without requests the scheduler cannot place processes; without limits one process starves its neighbours.",
  evaluate(facts) {
    const all = appContainers(longRunning(facts));
    if (all.length === 0) return notApplicable("No long-running containers.");
    const failures = all.filter(({ c }) => !c.requests || !c.limits).map(({ w, c }) => evidence(facts, w, `${c.jsonPath}.resources`, `requests: ${c.requests ? "set" : "missing"}, limits: ${c.limits ? "set" : "missing"}`));
    return verdict(failures, "Every container declares requests and limits.", (n) => `${n} container(s) lack requests or limits.`);
  },
};

/** Disposability (IX): a PodDisruptionBudget keeps voluntary evictions from taking every replica. */
export const clusterHasDisruptionBudget: ClusterRuleDefinition = {
  id: "clusterHasDisruptionBudget", version: 1, factor: "disposability", appliesTo: ["cluster"], effort: "low", defaultWeight: 1,
  title: "A PodDisruptionBudget covers the service",
  rationale: "Node drains and upgrades evict pods; a PDB keeps enough of them serving.",
  evaluate(facts) {
    const scalable = replicated(facts);
    if (scalable.length === 0) return notApplicable("No Deployment or StatefulSet.");
    const failures = scalable.filter((w) => !facts.pdbs.some((p) => p.namespace === w.namespace && selects(p.selector, w.podLabels))).map((w) => evidence(facts, w, "metadata", "no PodDisruptionBudget selects its pods"));
    return verdict(failures, "A PodDisruptionBudget covers every workload.", (n) => `${n} workload(s) have no PodDisruptionBudget.`);
  },
};

/** Disposability (IX): readiness and liveness probes let the platform route around and replace processes. */
export const clusterDeclaresProbes: ClusterRuleDefinition = {
  id: "clusterDeclaresProbes", version: 1, factor: "disposability", appliesTo: ["cluster"], effort: "low", defaultWeight: 2,
  title: "Containers have readiness and liveness probes",
  rationale: "Without probes traffic reaches pods that are not ready and hung processes are never restarted.",
  evaluate(facts) {
    const all = appContainers(longRunning(facts));
    if (all.length === 0) return notApplicable("No long-running containers.");
    const failures = all.filter(({ c }) => !c.probes.readiness || !c.probes.liveness).map(({ w, c }) => evidence(facts, w, c.jsonPath, `readinessProbe: ${c.probes.readiness ? "set" : "missing"}, livenessProbe: ${c.probes.liveness ? "set" : "missing"}`));
    return verdict(failures, "Every container has readiness and liveness probes.", (n) => `${n} container(s) lack probes.`);
  },
};

/** Disposability (IX): a grace period and a preStop hook let in-flight requests drain on shutdown. */
export const clusterShutsDownGracefully: ClusterRuleDefinition = {
  id: "clusterShutsDownGracefully", version: 1, factor: "disposability", appliesTo: ["cluster"], effort: "low", defaultWeight: 1,
  title: "Graceful shutdown: termination grace and a preStop hook",
  rationale: "terminationGracePeriodSeconds: 0 kills in-flight work; without preStop, pods stop before endpoints forget them.",
  evaluate(facts) {
    const workloads = longRunning(facts);
    if (workloads.length === 0) return notApplicable("No long-running workloads.");
    const failures = [
      ...workloads.filter((w) => w.terminationGracePeriodSeconds === 0).map((w) => evidence(facts, w, "spec.template.spec.terminationGracePeriodSeconds", "terminationGracePeriodSeconds: 0")),
      ...appContainers(workloads).filter(({ c }) => c.ports.length > 0 && !c.preStop).map(({ w, c }) => evidence(facts, w, `${c.jsonPath}.lifecycle.preStop`, "no preStop hook")),
    ];
    return verdict(failures, "Shutdown is graceful.", (n) => `${n} graceful-shutdown gap(s).`);
  },
};
