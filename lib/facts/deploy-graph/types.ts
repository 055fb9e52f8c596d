import type { ComposeFacts, ComposeService, ManifestObject } from "@/lib/facts/types";

/** Where a deployment fact was declared: the kind of descriptor and the file. */
export type Descriptor =
  "kubernetes" | "kustomize" | "helm" | "compose" | "skaffold" | "workflow" | "maven" | "gradle" | "procfile" | "nomad";

/** An image the repository builds, and from what. */
export interface ImageBuild {
  /** Build context directory relative to the source root ("" for the root). */
  context: string;
  /** The Dockerfile it builds with; null for images built without one (Jib, Buildpacks, ko). */
  dockerfile: string | null;
  /** The image as the descriptor names it (`frontend`, `ghcr.io/acme/cart`), when it does. */
  image: string | null;
  /** The descriptor's own name for it: a compose service, a skaffold artifact's image. */
  name: string | null;
  via: Descriptor | "jib" | "ko" | "buildpacks";
  at: { path: string; line: number };
  /** Its `--build-arg`s with known values (a shared Dockerfile told which service to build: `SERVICE=cart`). */
  args?: Record<string, string>;
  /** The module the build is for when the descriptor says so (a Maven module whose parent POM builds its image). */
  module?: string;
}

/**
 * One declaration of a workload: a Kubernetes object (plain, Kustomize-rendered or Helm-rendered), a compose
 * service or a Nomad task.
 */
export interface DeclaredWorkload {
  descriptor: Descriptor;
  /** Deployment, StatefulSet, DaemonSet, Job, CronJob, Pod; "ComposeService" for compose; "NomadTask" for Nomad. */
  kind: string;
  name: string;
  namespace: string | null;
  /** Container images as written (repository[:tag][@digest]). */
  images: string[];
  containerNames: string[];
  /** Pod template labels and the object's own labels. */
  labels: Record<string, string>;
  /** The Kubernetes object (with its file and lines); null for compose. */
  object: ManifestObject | null;
  compose: { file: string; service: ComposeService } | null;
  at: { path: string; line: number };
  /** The Kustomize directory or Helm chart it was rendered from. */
  via: string | null;
  /** What a Nomad job file says of the task and its group; absent for other descriptors. */
  nomad?: NomadTask;
}

/** A container task of a Nomad job, with what its job and group declare about how it runs. */
export interface NomadTask {
  job: string;
  /** The job's type: `service` (long-running), `batch` (runs to completion), `system` or `sysbatch` (one per client node). */
  type: string;
  /** A batch job run on a schedule (`periodic`), as a CronJob is. */
  periodic: boolean;
  group: string;
  task: string;
  driver: string;
  /** A `prestart`/`poststart`/`poststop` task (a sidecar when it keeps running); null for a main task. */
  lifecycle: { hook: string; sidecar: boolean } | null;
  /** The group's instances: its `count`, else its scaling minimum, else Nomad's one; null when an expression sets it. */
  count: number | null;
  /** The group's horizontal scaling policy (`scaling { min max }`); null without one. */
  scaling: { min: number | null; max: number | null; enabled: boolean } | null;
  /** The health checks of the services registered for the task (its own and its group's). */
  checks: { service: string | null; type: string; path: string | null; port: string | null; line: number }[];
  /** Names of the variables it sets (`env`, templates rendered with `env = true`); never their values. */
  env: string[];
  /** Its `resources` (MHz, MB); null when it declares none and Nomad's defaults apply. */
  resources: { cpu: number | null; memory: number | null; memoryMax: number | null } | null;
  /** The group's network ports: label, the port inside the container (`to`), a fixed host port (`static`). */
  ports: { label: string; to: number | null; static: number | null }[];
  /** Where the job and the group are declared, and the group's `count` (null without one). */
  lines: { job: number; group: number; count: number | null };
}

/** Everything a repository says about how it is built and run, worked out once per source. */
export interface DeployGraph {
  builds: ImageBuild[];
  workloads: DeclaredWorkload[];
  /** Every Kubernetes object declared or rendered (Services, HPAs, PDBs, ConfigMaps... beside workloads). */
  objects: ManifestObject[];
  composeFiles: ComposeFacts[];
  /** Kustomize directories and Helm charts, and whether each could be rendered. */
  rendered: { dir: string; descriptor: "kustomize" | "helm"; ok: boolean; reason?: string; unresolved?: string[] }[];
  /** The descriptor files' texts as lines, secrets redacted: where evidence quotes a declaration from. */
  lines: ReadonlyMap<string, readonly string[]>;
  /** The `.env` beside each compose file (compose reads it), by the compose file's folder, secrets redacted. */
  dotenvs: ReadonlyMap<string, { path: string; text: string }>;
}

/** Workload kinds of Kubernetes. */
export const WORKLOAD_KINDS: ReadonlySet<string> = new Set([
  "Deployment",
  "StatefulSet",
  "DaemonSet",
  "Job",
  "CronJob",
  "Pod",
  "ReplicaSet",
  "Rollout",
  "DeploymentConfig",
]);
