import { obj, objs, strings, type Obj } from "@/lib/facts/workload/read-object";
import type { ManifestObject } from "@/lib/facts/types";
import { summarizeWorkload } from "@/lib/facts/workload/summarize-workload";
import type { AutoscalerFact, WorkloadKind, WorkloadSet } from "@/lib/facts/workload/types";

const WORKLOAD_KINDS = new Set<string>([
  "Deployment",
  "StatefulSet",
  "DaemonSet",
  "Job",
  "CronJob",
  "ReplicaSet",
  "Rollout",
  "DeploymentConfig",
  "Pod",
] satisfies WorkloadKind[]);

const cache = new WeakMap<readonly ManifestObject[], WorkloadSet>();

/**
 * What the repository declares for a service, as the same Workload facts a cluster gives: each pod-running
 * manifest summarized by the collector's own function and marked with where it is declared, with the Services,
 * autoscalers (HPA, KEDA ScaledObject) and PodDisruptionBudgets beside it. A manifest without a namespace is in
 * namespace "" (whichever the release chooses). Pure; computed once per list of manifests.
 */
export function declaredWorkloads(manifests: readonly ManifestObject[]): WorkloadSet {
  const cached = cache.get(manifests);
  if (cached) return cached;
  const set: WorkloadSet = { workloads: [], services: [], hpas: [], pdbs: [] };
  for (const m of manifests) {
    const namespace = m.namespace ?? "";
    const spec = obj(m.object.spec);
    if (WORKLOAD_KINDS.has(m.kind)) {
      const workload = summarizeWorkload({ kind: m.kind as WorkloadKind, item: m.object });
      set.workloads.push({
        ...workload,
        namespace,
        name: m.name,
        declaredAt: { path: m.path, lineStart: m.lineStart, lineEnd: m.lineEnd, via: m.via ?? null },
      });
    } else if (m.kind === "Service") {
      set.services.push({
        namespace,
        name: m.name,
        selector: strings(spec.selector),
        targetPorts: objs(spec.ports).map((p) => (p.targetPort ?? p.port) as number | string),
        sessionAffinity: typeof spec.sessionAffinity === "string" ? spec.sessionAffinity : "None",
      });
    } else if (m.kind === "HorizontalPodAutoscaler" || m.kind === "ScaledObject") {
      const autoscaler = autoscalerOf(m, namespace, spec);
      if (autoscaler) set.hpas.push(autoscaler);
    } else if (m.kind === "PodDisruptionBudget") {
      set.pdbs.push({ namespace, name: m.name, selector: strings(obj(spec.selector).matchLabels) });
    }
  }
  cache.set(manifests, set);
  return set;
}

/** An HPA's or KEDA ScaledObject's target and floor (KEDA's minReplicaCount defaults to 0, the HPA's to 1). */
function autoscalerOf(m: ManifestObject, namespace: string, spec: Obj): AutoscalerFact | null {
  const ref = obj(spec.scaleTargetRef);
  if (typeof ref.name !== "string") return null;
  const keda = m.kind === "ScaledObject";
  const min = keda ? spec.minReplicaCount : spec.minReplicas;
  return {
    namespace,
    name: m.name,
    targetKind: typeof ref.kind === "string" ? ref.kind : "Deployment",
    targetName: ref.name,
    minReplicas: typeof min === "number" ? min : keda ? 0 : 1,
  };
}
