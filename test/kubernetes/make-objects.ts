import type { KubeObject } from "@/test/kubernetes/stand-in";

/** Options for a workload's single container; defaults describe a compliant service. */
export interface ContainerOptions {
  image?: string;
  env?: Record<string, unknown>[];
  envFrom?: Record<string, unknown>[];
  port?: number | null;
  probes?: boolean;
  preStop?: boolean;
  resources?: boolean;
  nonRoot?: boolean;
  command?: string[];
}

/** A container spec as a cluster would hold it (all fields schema-valid). */
export function makeContainer(name: string, o: ContainerOptions = {}): Record<string, unknown> {
  const port = o.port === undefined ? 8080 : o.port;
  const probe = { httpGet: { path: "/healthz", port: port ?? 8080 } };
  return {
    name,
    image: o.image ?? `registry.example.com/acme/${name}:1.4.2`,
    ...(o.command ? { command: o.command } : {}),
    ...(port ? { ports: [{ containerPort: port, protocol: "TCP" }] } : {}),
    env: o.env ?? [
      { name: "PORT", value: String(port ?? 8080) },
      { name: "DB_PASSWORD", valueFrom: { secretKeyRef: { name: `${name}-db`, key: "password" } } },
    ],
    ...(o.envFrom ? { envFrom: o.envFrom } : {}),
    ...(o.probes === false ? {} : { readinessProbe: probe, livenessProbe: probe }),
    ...(o.preStop === false ? {} : { lifecycle: { preStop: { exec: { command: ["sleep", "5"] } } } }),
    ...(o.resources === false ? {} : { resources: { requests: { cpu: "100m", memory: "128Mi" }, limits: { memory: "256Mi" } } }),
    ...(o.nonRoot === false ? {} : { securityContext: { runAsNonRoot: true, readOnlyRootFilesystem: true } }),
  };
}

export interface WorkloadOptions extends ContainerOptions {
  namespace?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  replicas?: number;
  volumes?: Record<string, unknown>[];
  initContainers?: Record<string, unknown>[];
  grace?: number;
}

/** A Deployment (or StatefulSet/DaemonSet via `kind`) whose pods carry `app.kubernetes.io/name: <name>`. */
export function makeWorkload(
  name: string,
  o: WorkloadOptions = {},
  kind: "Deployment" | "StatefulSet" | "DaemonSet" = "Deployment",
): KubeObject {
  const selector = { "app.kubernetes.io/name": name };
  const labels = { ...selector, ...(o.labels ?? {}) };
  const podSpec = {
    ...(o.grace === undefined ? {} : { terminationGracePeriodSeconds: o.grace }),
    ...(o.initContainers ? { initContainers: o.initContainers } : {}),
    containers: [makeContainer(name, o)],
    ...(o.volumes ? { volumes: o.volumes } : {}),
  };
  return {
    metadata: {
      name,
      namespace: o.namespace ?? "shop",
      labels,
      ...(o.annotations ? { annotations: o.annotations } : {}),
      uid: `uid-${name}`,
    },
    spec: {
      ...(kind === "DaemonSet" ? {} : { replicas: o.replicas ?? 2 }),
      ...(kind === "StatefulSet" ? { serviceName: name } : {}),
      selector: { matchLabels: selector },
      template: { metadata: { labels }, spec: podSpec },
    },
  };
}

/** A running pod of a Deployment (owned through its ReplicaSet), with the image digest it runs. */
export function makePod(workload: KubeObject, index: number, o: { digest?: string; restarts?: number } = {}): KubeObject {
  const spec = (
    workload.spec as { template: { metadata: { labels: Record<string, string> }; spec: { containers: { name: string; image: string }[] } } }
  ).template;
  const name = workload.metadata.name;
  const container = spec.spec.containers[0]!;
  const digest = o.digest ?? `sha256:${"a".repeat(63)}${index % 10}`;
  return {
    metadata: {
      name: `${name}-7d9f8b6c5-${index.toString(36).padStart(5, "x")}`,
      namespace: workload.metadata.namespace,
      labels: { ...spec.metadata.labels, "pod-template-hash": "7d9f8b6c5" },
      ownerReferences: [{ apiVersion: "apps/v1", kind: "ReplicaSet", name: `${name}-7d9f8b6c5`, uid: `rs-${name}`, controller: true }],
    },
    spec: { containers: [{ name: container.name, image: container.image }] },
    status: {
      phase: "Running",
      containerStatuses: [
        {
          name: container.name,
          image: container.image,
          imageID: `${container.image.split(/[:@]/)[0]}@${digest}`,
          ready: true,
          restartCount: o.restarts ?? 0,
          started: true,
          state: { running: { startedAt: "2026-01-01T00:00:00Z" } },
        },
      ],
    },
  };
}

/** A ClusterIP Service selecting a workload's pods. */
export function makeService(
  name: string,
  o: { namespace?: string; port?: number; sessionAffinity?: "ClientIP" | "None"; selectorName?: string } = {},
): KubeObject {
  return {
    metadata: { name, namespace: o.namespace ?? "shop" },
    spec: {
      selector: { "app.kubernetes.io/name": o.selectorName ?? name },
      ports: [{ port: 80, targetPort: o.port ?? 8080, protocol: "TCP" }],
      ...(o.sessionAffinity ? { sessionAffinity: o.sessionAffinity } : {}),
    },
  };
}

/** A PodDisruptionBudget for a workload's pods. */
export function makePdb(name: string, namespace = "shop"): KubeObject {
  return {
    metadata: { name: `${name}-pdb`, namespace },
    spec: { minAvailable: 1, selector: { matchLabels: { "app.kubernetes.io/name": name } } },
  };
}

/** An HPA scaling a Deployment. */
export function makeHpa(name: string, namespace = "shop"): KubeObject {
  return {
    metadata: { name, namespace },
    spec: { scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name }, minReplicas: 2, maxReplicas: 10 },
  };
}

/** A Secret whose data must never leave the stand-in when Dozen lists it. */
export function makeSecret(name: string, data: Record<string, string>, namespace = "shop"): KubeObject {
  return {
    metadata: { name, namespace, labels: { "app.kubernetes.io/part-of": "shop" } },
    type: "Opaque",
    data: Object.fromEntries(Object.entries(data).map(([k, v]) => [k, Buffer.from(v).toString("base64")])),
  };
}

/** A ConfigMap. */
export function makeConfigMap(name: string, namespace = "shop"): KubeObject {
  return { metadata: { name, namespace }, data: { LOG_LEVEL: "info" } };
}
