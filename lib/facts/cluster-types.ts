/**
 * What Dozen knows about a live cluster: compact, serialisable facts the collector builds while it pages
 * through the API. No Secret data and no env values are ever held: env literals keep only their name, and a
 * secret-looking one a redacted preview (lib/facts/preview-secret.ts).
 */

export type WorkloadKind = "Deployment" | "StatefulSet" | "DaemonSet" | "Job" | "CronJob";

export interface EnvVarFact {
  name: string;
  source: "literal" | "secretKeyRef" | "configMapKeyRef" | "fieldRef" | "resourceFieldRef";
  /** Set on literals that look like credentials: `ab****`, never the value. */
  secretPreview?: string;
}

export interface ContainerFact {
  name: string;
  image: string;
  init: boolean;
  /** JSON path of the container inside its workload, e.g. `spec.template.spec.containers[0]`. */
  jsonPath: string;
  env: EnvVarFact[];
  envFrom: { kind: "secret" | "configMap"; name: string }[];
  ports: number[];
  probes: { readiness: boolean; liveness: boolean; startup: boolean };
  preStop: boolean;
  requests: boolean;
  limits: boolean;
  runAsNonRoot: boolean;
  readOnlyRootFilesystem: boolean;
  /** The command or args run database migrations (only this verdict is kept, never the command). */
  runsMigrations: boolean;
}

export interface WorkloadFacts {
  kind: WorkloadKind;
  namespace: string;
  name: string;
  labels: Record<string, string>;
  /** Only `dozen.dev/*` annotations: others (last-applied-configuration) can hold whole manifests. */
  annotations: Record<string, string>;
  podLabels: Record<string, string>;
  replicas: number | null;
  terminationGracePeriodSeconds: number | null;
  volumes: { pvc: string[]; hostPath: string[] };
  containers: ContainerFact[];
  /** From the workload's pods: image digests actually running, restarts, pod count. */
  running: { digests: string[]; restarts: number; pods: number };
}

export interface ClusterServiceFact {
  namespace: string;
  name: string;
  selector: Record<string, string>;
  targetPorts: (number | string)[];
  sessionAffinity: string;
}

export interface ClusterFacts {
  schemaVersion: 1;
  cluster: string;
  workloads: WorkloadFacts[];
  services: ClusterServiceFact[];
  hpas: { namespace: string; name: string; targetKind: string; targetName: string }[];
  pdbs: { namespace: string; name: string; selector: Record<string, string> }[];
  configMaps: { namespace: string; name: string }[];
  /** Names only: Secrets are listed as partial object metadata, so their data never reaches Dozen. */
  secrets: { namespace: string; name: string }[];
  /** How many API requests the collection made (paging included). */
  requests: number;
}

/** The cluster facts about one Dozen service: its workloads and the objects that select or target them. */
export interface ClusterServiceFacts {
  schemaVersion: 1;
  cluster: string;
  workloads: WorkloadFacts[];
  services: ClusterServiceFact[];
  hpas: ClusterFacts["hpas"];
  pdbs: ClusterFacts["pdbs"];
}
