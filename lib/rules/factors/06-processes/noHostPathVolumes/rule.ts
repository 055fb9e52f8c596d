import { dig, longRunningWorkloads, manifestEvidence, objectName, objects, podSpec } from "@/lib/rules/helpers/manifests";
import { fail, notApplicable, pass, plural } from "@/lib/rules/helpers/results";
import type { RepoEvidence, RepositoryCheck } from "@/lib/rules/types";

// StatefulSets are the declared exception (a database run in-cluster); DaemonSets are node agents by design.
const STATELESS_KINDS = new Set(["Deployment", "ReplicaSet", "Rollout", "DeploymentConfig"]);

export const rule: RepositoryCheck = {
  id: "noHostPathVolumes",
  version: 1,
  factor: "processes",
  title: "Deployments keep no state on node or shared disks (no hostPath, no PersistentVolumeClaim)",
  rationale:
    "Processes are stateless and share nothing: anything that must outlive a request belongs in a backing service. " +
    "A hostPath ties a pod to one node's disk; a claim shared by replicas turns scaling and rescheduling into data loss or lock contention.",
  judges: "repository",
  effort: "medium",
  defaultWeight: 4,
  evaluate(facts) {
    const deployments = longRunningWorkloads(facts).filter((m) => STATELESS_KINDS.has(m.kind));
    if (deployments.length === 0) return notApplicable("No Deployment manifest.");
    const found: RepoEvidence[] = [];
    const names: string[] = [];
    for (const m of deployments) {
      for (const volume of objects(podSpec(m)?.volumes)) {
        const kind =
          dig(volume, "hostPath") !== undefined
            ? "hostPath"
            : dig(volume, "persistentVolumeClaim") !== undefined
              ? "persistentVolumeClaim"
              : null;
        if (!kind) continue;
        names.push(`${objectName(m)} volume ${String(volume.name ?? "?")} (${kind})`);
        found.push(manifestEvidence(facts, m, new RegExp(String.raw`^\s*${kind}:`)));
      }
    }
    if (found.length > 0)
      return fail(`State kept on disks the pod is tied to (${plural(found.length, "volume")}): ${names.join("; ")}.`, found);
    return pass(`No hostPath or PersistentVolumeClaim in ${plural(deployments.length, "Deployment")}.`);
  },
};
