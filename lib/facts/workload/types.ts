/**
 * The one Workload fact: what a Deployment (or any pod-running object) is, the same whether a manifest in the
 * repository declares it or a live cluster runs it. The Kubernetes collector summarizes what the API returns and
 * the repository's facts summarize each parsed manifest through the same function (summarize-workload.ts), so a
 * check judges probes, users, replicas, resources, images and env one way and only its evidence differs: a file
 * and line, or a cluster object and field. No env value is ever held: literals keep only their name, and a
 * secret-looking one a redacted preview (lib/facts/preview-secret.ts).
 */

/** Kinds of object that run pods: the five a cluster is listed for, and those only manifests declare. */
export type WorkloadKind =
  "Deployment" | "StatefulSet" | "DaemonSet" | "Job" | "CronJob" | "ReplicaSet" | "Rollout" | "DeploymentConfig" | "Pod";

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
  /** Which of the requests and limits a scheduler and an autoscaler need are set. Absent in older cluster facts. */
  resources?: { cpuRequest: boolean; memoryRequest: boolean; memoryLimit: boolean };
  /** The pod or container enforces a non-root user (runAsNonRoot, or a runAsUser above 0). */
  runAsNonRoot: boolean;
  /** It explicitly runs as root or privileged (runAsUser 0, runAsNonRoot false, privileged). Absent in older facts. */
  runsAsRoot?: boolean;
  readOnlyRootFilesystem: boolean;
  /** The command or args run database migrations (only this verdict is kept, never the command). */
  runsMigrations: boolean;
  /**
   * Credentialed locators written into the command or args (`-DSN=app:****@tcp(db:3306)`): each as its flag,
   * user, a redacted password and host, never the password or the rest of the argument. Absent in older facts.
   */
  credentialArgs?: string[];
}

/** Where in the repository a workload is declared: the file to edit (a template or base when rendered). */
export interface DeclaredAt {
  path: string;
  lineStart: number;
  lineEnd: number;
  /** The Kustomize directory or Helm chart it was rendered from, null for a plain manifest. */
  via: string | null;
}

export interface WorkloadFacts {
  kind: WorkloadKind;
  namespace: string;
  name: string;
  labels: Record<string, string>;
  /** Only `dozen.dev/*` annotations: others (last-applied-configuration) can hold whole manifests. */
  annotations: Record<string, string>;
  podLabels: Record<string, string>;
  /** Desired replicas (Kubernetes defaults a Deployment's to 1); null for kinds without one or a value not known. */
  replicas: number | null;
  /** The replica count is set from a template value Dozen could not resolve: not known to be 1. */
  replicasUnresolved?: boolean;
  terminationGracePeriodSeconds: number | null;
  volumes: { pvc: string[]; hostPath: string[] };
  containers: ContainerFact[];
  /** From the workload's pods: image digests actually running, restarts, pod count (none for a manifest). */
  running: { digests: string[]; restarts: number; pods: number };
  /** Set when the repository declares it; absent when a cluster runs it. */
  declaredAt?: DeclaredAt;
}

export interface ClusterServiceFact {
  namespace: string;
  name: string;
  selector: Record<string, string>;
  targetPorts: (number | string)[];
  sessionAffinity: string;
}

export interface AutoscalerFact {
  namespace: string;
  name: string;
  targetKind: string;
  targetName: string;
  /** The fewest replicas it keeps (HPA minReplicas, KEDA minReplicaCount; the HPA default is 1). Absent in older facts. */
  minReplicas?: number;
}

export interface DisruptionBudgetFact {
  namespace: string;
  name: string;
  selector: Record<string, string>;
}

/**
 * A service's workloads with the objects that reach them: Services that select their pods, autoscalers that
 * target them, budgets that cover them. What a cluster runs for a service, and what its repository declares.
 */
export interface WorkloadSet {
  workloads: WorkloadFacts[];
  services: ClusterServiceFact[];
  hpas: AutoscalerFact[];
  pdbs: DisruptionBudgetFact[];
}
