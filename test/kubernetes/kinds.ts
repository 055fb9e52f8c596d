/** The resources the stand-in serves (and Dozen lists), with where they live in the REST API. */
export interface KindInfo {
  resource: string;
  singular: string;
  kind: string;
  group: string;
  version: string;
  shortNames?: string[];
}

export const KINDS: readonly KindInfo[] = [
  { shortNames: ["deploy"], resource: "deployments", singular: "deployment", kind: "Deployment", group: "apps", version: "v1" },
  { shortNames: ["sts"], resource: "statefulsets", singular: "statefulset", kind: "StatefulSet", group: "apps", version: "v1" },
  { shortNames: ["ds"], resource: "daemonsets", singular: "daemonset", kind: "DaemonSet", group: "apps", version: "v1" },
  { resource: "jobs", singular: "job", kind: "Job", group: "batch", version: "v1" },
  { shortNames: ["cj"], resource: "cronjobs", singular: "cronjob", kind: "CronJob", group: "batch", version: "v1" },
  { shortNames: ["po"], resource: "pods", singular: "pod", kind: "Pod", group: "", version: "v1" },
  { shortNames: ["svc"], resource: "services", singular: "service", kind: "Service", group: "", version: "v1" },
  { shortNames: ["cm"], resource: "configmaps", singular: "configmap", kind: "ConfigMap", group: "", version: "v1" },
  { resource: "secrets", singular: "secret", kind: "Secret", group: "", version: "v1" },
  {
    shortNames: ["hpa"],
    resource: "horizontalpodautoscalers",
    singular: "horizontalpodautoscaler",
    kind: "HorizontalPodAutoscaler",
    group: "autoscaling",
    version: "v2",
  },
  {
    shortNames: ["pdb"],
    resource: "poddisruptionbudgets",
    singular: "poddisruptionbudget",
    kind: "PodDisruptionBudget",
    group: "policy",
    version: "v1",
  },
];

/** "apps/v1" or "v1" for the core group. */
export function apiVersionOf(info: KindInfo): string {
  return info.group ? `${info.group}/${info.version}` : info.version;
}
