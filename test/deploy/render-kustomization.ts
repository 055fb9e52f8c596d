import { execFileSync } from "node:child_process";
import path from "node:path";
import { parseAllDocuments } from "yaml";
import { toolEnv } from "@/lib/env";
import { ROOT } from "@/lib/ops/bin-path";

/** One object `kubectl kustomize` rendered, as it would be applied. */
export type RenderedObject = Record<string, unknown> & {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; [field: string]: unknown };
};

/** The Kustomize directories deploy/ ships: the overlays an operator applies, and the reader on its own. */
export const OVERLAYS = ["deploy/kubernetes/overlays/production", "deploy/kubernetes/overlays/demo"] as const;

/**
 * Renders a Kustomize directory with the machine's `kubectl kustomize` (offline: no remote bases, no plugins),
 * exactly as `kubectl apply -k` would build it.
 */
export function renderKustomization(opts: { dir: string }): RenderedObject[] {
  const yaml = execFileSync("kubectl", ["kustomize", path.join(ROOT, opts.dir)], { env: toolEnv(), encoding: "utf8", timeout: 60_000 });
  return parseAllDocuments(yaml)
    .map((doc) => doc.toJS() as RenderedObject | null)
    .filter((o): o is RenderedObject => o !== null);
}

/** The pod spec of a workload object (Deployment, StatefulSet, Job; a CronJob's job template). */
export function podSpecOf(o: RenderedObject): PodSpec | undefined {
  const spec = o.spec as { template?: { spec?: PodSpec }; jobTemplate?: { spec?: { template?: { spec?: PodSpec } } } } | undefined;
  return o.kind === "CronJob" ? spec?.jobTemplate?.spec?.template?.spec : spec?.template?.spec;
}

/** The fields of a pod spec these tests read. */
export interface PodSpec {
  serviceAccountName?: string;
  automountServiceAccountToken?: boolean;
  terminationGracePeriodSeconds?: number;
  securityContext?: { runAsNonRoot?: boolean; runAsUser?: number; runAsGroup?: number; seccompProfile?: { type?: string } };
  containers: Container[];
  initContainers?: Container[];
  volumes?: { name: string; emptyDir?: { sizeLimit?: string }; secret?: { secretName?: string; optional?: boolean } }[];
}

export interface Container {
  name: string;
  image: string;
  command?: string[];
  args?: string[];
  ports?: { name?: string; containerPort: number }[];
  env?: { name: string; value?: string; valueFrom?: { secretKeyRef?: { name: string; key: string } } }[];
  envFrom?: { configMapRef?: { name: string }; secretRef?: { name: string; optional?: boolean } }[];
  readinessProbe?: Probe;
  livenessProbe?: Probe;
  startupProbe?: Probe;
  lifecycle?: { preStop?: Record<string, unknown> };
  resources?: { requests?: { cpu?: string; memory?: string }; limits?: { cpu?: string; memory?: string } };
  securityContext?: {
    allowPrivilegeEscalation?: boolean;
    readOnlyRootFilesystem?: boolean;
    privileged?: boolean;
    capabilities?: { drop?: string[]; add?: string[] };
  };
  volumeMounts?: { name: string; mountPath: string; readOnly?: boolean }[];
}

export interface Probe {
  httpGet?: { path: string; port: string | number };
  exec?: { command: string[] };
  periodSeconds?: number;
  failureThreshold?: number;
}
