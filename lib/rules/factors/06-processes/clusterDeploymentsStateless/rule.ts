import type { ClusterCheck, ClusterEvidence } from "@/lib/rules/types";
import { evidence, notApplicable, verdict } from "@/lib/rules/helpers/cluster";
import { plural } from "@/lib/rules/helpers/results";

/** Processes (VI): Deployments are stateless: no PersistentVolumeClaim or hostPath. */
export const rule: ClusterCheck = {
  id: "clusterDeploymentsStateless",
  version: 1,
  factor: "processes",
  judges: "cluster",
  effort: "high",
  defaultWeight: 2,
  title: "Deployments mount no PersistentVolumeClaim or hostPath",
  rationale: "State on a volume ties a process to one node or disk; backing services hold state instead.",
  evaluate(facts) {
    const deployments = facts.workloads.filter((w) => w.kind === "Deployment");
    if (deployments.length === 0) return notApplicable("No Deployment.");
    const failures: ClusterEvidence[] = deployments.flatMap((w) => [
      ...w.volumes.pvc.map((v) => evidence(facts, w, "spec.template.spec.volumes", `${v}: persistentVolumeClaim`)),
      ...w.volumes.hostPath.map((v) => evidence(facts, w, "spec.template.spec.volumes", `${v}: hostPath`)),
    ]);
    return verdict(failures, "Deployments keep no local state.", (n) => `${plural(n, "stateful volume")} in Deployments.`);
  },
};
