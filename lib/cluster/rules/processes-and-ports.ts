import type { ClusterRuleDefinition } from "@/lib/cluster/rules/helpers";
import { appContainers, evidence, longRunning, notApplicable, selects, verdict } from "@/lib/cluster/rules/helpers";
import type { ClusterEvidence } from "@/lib/rules/types";

/** Port binding (VII): a container that listens is reachable through a Service. */
export const clusterPortsExposedByService: ClusterRuleDefinition = {
  id: "clusterPortsExposedByService", version: 1, factor: "port-binding", appliesTo: ["cluster"], effort: "low", defaultWeight: 1,
  title: "Container ports are exposed by a Service",
  rationale: "A process exports its service by binding a port; the platform routes to it through a Service.",
  evaluate(facts) {
    const listening = longRunning(facts).filter((w) => w.containers.some((c) => !c.init && c.ports.length > 0));
    if (listening.length === 0) return notApplicable("No container declares a port.");
    const failures = listening.filter((w) => !facts.services.some((s) => s.namespace === w.namespace && selects(s.selector, w.podLabels))).map((w) => evidence(facts, w, "spec.template.spec.containers[*].ports", "no Service selects these pods"));
    return verdict(failures, "Every listening workload has a Service.", (n) => `${n} workload(s) declare ports no Service exposes.`);
  },
};

/** Processes (VI): Deployments are stateless: no PersistentVolumeClaim or hostPath. */
export const clusterDeploymentsStateless: ClusterRuleDefinition = {
  id: "clusterDeploymentsStateless", version: 1, factor: "processes", appliesTo: ["cluster"], effort: "high", defaultWeight: 2,
  title: "Deployments mount no PersistentVolumeClaim or hostPath",
  rationale: "State on a volume ties a process to one node or disk; backing services hold state instead.",
  evaluate(facts) {
    const deployments = facts.workloads.filter((w) => w.kind === "Deployment");
    if (deployments.length === 0) return notApplicable("No Deployment.");
    const failures: ClusterEvidence[] = deployments.flatMap((w) => [
      ...w.volumes.pvc.map((v) => evidence(facts, w, "spec.template.spec.volumes", `${v}: persistentVolumeClaim`)),
      ...w.volumes.hostPath.map((v) => evidence(facts, w, "spec.template.spec.volumes", `${v}: hostPath`)),
    ]);
    return verdict(failures, "Deployments keep no local state.", (n) => `${n} stateful volume(s) in Deployments.`);
  },
};

/** Processes (VI): no sticky sessions (Service sessionAffinity: ClientIP). */
export const clusterNoStickySessions: ClusterRuleDefinition = {
  id: "clusterNoStickySessions", version: 1, factor: "processes", appliesTo: ["cluster"], effort: "medium", defaultWeight: 1,
  title: "Services do not pin clients to a pod",
  rationale: "sessionAffinity: ClientIP hides in-memory session state that a restart or scale-in loses.",
  evaluate(facts) {
    if (facts.services.length === 0) return notApplicable("No Service selects this service's pods.");
    const failures = facts.services.filter((s) => s.sessionAffinity === "ClientIP").map((s) => ({ type: "cluster" as const, cluster: facts.cluster, namespace: s.namespace, kind: "Service", name: s.name, jsonPath: "spec.sessionAffinity", snippet: "sessionAffinity: ClientIP" }));
    return verdict(failures, "No sticky sessions.", (n) => `${n} Service(s) use sessionAffinity: ClientIP.`);
  },
};

/** Auth (XV): least privilege: non-root, read-only root filesystem. */
export const clusterRunsAsNonRoot: ClusterRuleDefinition = {
  id: "clusterRunsAsNonRoot", version: 1, factor: "auth", appliesTo: ["cluster"], effort: "medium", defaultWeight: 2,
  title: "Containers run as non-root with a read-only root filesystem",
  rationale: "A compromised process running as root on a writable filesystem can persist and escalate.",
  evaluate(facts) {
    const all = appContainers(facts.workloads);
    if (all.length === 0) return notApplicable("No containers run for this service.");
    const failures = all.filter(({ c }) => !c.runAsNonRoot || !c.readOnlyRootFilesystem).map(({ w, c }) => evidence(facts, w, `${c.jsonPath}.securityContext`, `runAsNonRoot: ${c.runAsNonRoot}, readOnlyRootFilesystem: ${c.readOnlyRootFilesystem}`));
    return verdict(failures, "Every container runs as non-root on a read-only root filesystem.", (n) => `${n} container(s) run as root or with a writable root filesystem.`);
  },
};
