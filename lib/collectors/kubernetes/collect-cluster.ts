import type { ClusterFacts, WorkloadFacts, WorkloadKind } from "@/lib/facts/cluster-types";
import { listPaged } from "@/lib/collectors/kubernetes/list-paged";
import type { KubeClient } from "@/lib/collectors/kubernetes/request-kube";
import { summarizeWorkload } from "@/lib/facts/workload/summarize-workload";

type Obj = Record<string, unknown>;
type Meta = { name?: string; namespace?: string; labels?: Record<string, string>; ownerReferences?: { kind: string; name: string }[] };

/** Accept header for lists of partial object metadata: names and labels only, never Secret data. */
export const PARTIAL_METADATA = "application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1";

const WORKLOADS: { kind: WorkloadKind; base: string; resource: string }[] = [
  { kind: "Deployment", base: "/apis/apps/v1", resource: "deployments" },
  { kind: "StatefulSet", base: "/apis/apps/v1", resource: "statefulsets" },
  { kind: "DaemonSet", base: "/apis/apps/v1", resource: "daemonsets" },
  { kind: "Job", base: "/apis/batch/v1", resource: "jobs" },
  { kind: "CronJob", base: "/apis/batch/v1", resource: "cronjobs" },
];

/**
 * Audits one cluster: every list paged (≤500 a page, 410 restarts the list), each page folded into compact
 * facts at once, pods aggregated into their workloads (digests running, restarts), Secrets and ConfigMaps as
 * partial object metadata. `namespaces` lists only those (one list per namespace); `excludeNamespaces` drops.
 */
export async function collectCluster(opts: {
  client: KubeClient;
  namespaces?: string[];
  excludeNamespaces?: string[];
  pageLimit?: number;
}): Promise<ClusterFacts> {
  const excluded = new Set(opts.excludeNamespaces ?? []);
  const scopes = opts.namespaces?.length ? opts.namespaces.map((ns) => `/namespaces/${encodeURIComponent(ns)}`) : [""];
  const keep = (item: Obj) => !excluded.has(String((item.metadata as Meta | undefined)?.namespace ?? ""));
  // One accumulator per namespace scope: a 410 restarts only that scope's list, from a fresh accumulator.
  const list = async <T>(base: string, resource: string, init: () => T, add: (acc: T, item: Obj) => void, accept?: string) => {
    const parts: T[] = [];
    for (const scope of scopes) {
      parts.push(
        await listPaged({
          client: opts.client,
          path: `${base}${scope}/${resource}`,
          accept,
          init,
          pageLimit: opts.pageLimit,
          add: (a, item) => {
            if (keep(item)) add(a, item);
          },
        }),
      );
    }
    return parts;
  };
  const arrays = async <T>(base: string, resource: string, map: (item: Obj) => T | null, accept?: string) =>
    (
      await list(
        base,
        resource,
        () => [] as T[],
        (a, item) => {
          const v = map(item);
          if (v) a.push(v);
        },
        accept,
      )
    ).flat();

  const workloads: WorkloadFacts[] = [];
  for (const w of WORKLOADS) {
    workloads.push(
      ...(await arrays(w.base, w.resource, (item) => {
        // A CronJob's runs are audited through the CronJob itself.
        if (w.kind === "Job" && ((item.metadata as Meta).ownerReferences ?? []).some((o) => o.kind === "CronJob")) return null;
        return summarizeWorkload({ kind: w.kind, item });
      })),
    );
  }
  const byKey = new Map(workloads.map((w) => [`${w.namespace}/${w.kind}/${w.name}`, w]));
  type Running = Map<string, { digests: Set<string>; restarts: number; pods: number }>;
  const running = await list(
    "/api/v1",
    "pods",
    (): Running => new Map(),
    (acc, pod) => {
      const meta = pod.metadata as Meta;
      const owner = ownerOf(meta);
      if (!owner) return;
      const key = `${meta.namespace}/${owner.kind}/${owner.name}`;
      const entry = acc.get(key) ?? { digests: new Set<string>(), restarts: 0, pods: 0 };
      acc.set(key, entry);
      entry.pods += 1;
      for (const s of ((pod.status as Obj | undefined)?.containerStatuses ?? []) as { imageID?: string; restartCount?: number }[]) {
        entry.restarts += s.restartCount ?? 0;
        const digest = s.imageID?.match(/sha256:[a-f0-9]{64}/)?.[0];
        if (digest) entry.digests.add(digest);
      }
    },
  );
  for (const part of running) {
    for (const [key, entry] of part) {
      const workload = byKey.get(key);
      if (workload) workload.running = { digests: [...entry.digests].sort(), restarts: entry.restarts, pods: entry.pods };
    }
  }
  const services = await arrays("/api/v1", "services", (item) => {
    const m = item.metadata as Meta;
    const spec = (item.spec ?? {}) as Obj;
    return {
      namespace: String(m.namespace),
      name: String(m.name),
      selector: (spec.selector ?? {}) as Record<string, string>,
      targetPorts: ((spec.ports ?? []) as Obj[]).map((p) => (p.targetPort ?? p.port) as number | string),
      sessionAffinity: String(spec.sessionAffinity ?? "None"),
    };
  });
  const hpas = await arrays("/apis/autoscaling/v2", "horizontalpodautoscalers", (item) => {
    const m = item.metadata as Meta;
    const spec = (item.spec ?? {}) as Obj;
    const ref = (spec.scaleTargetRef ?? {}) as Obj;
    return {
      namespace: String(m.namespace),
      name: String(m.name),
      targetKind: String(ref.kind ?? ""),
      targetName: String(ref.name ?? ""),
      // The API defaults minReplicas to 1.
      minReplicas: typeof spec.minReplicas === "number" ? spec.minReplicas : 1,
    };
  });
  const pdbs = await arrays("/apis/policy/v1", "poddisruptionbudgets", (item) => {
    const m = item.metadata as Meta;
    return {
      namespace: String(m.namespace),
      name: String(m.name),
      selector: (((item.spec as Obj | undefined)?.selector as Obj | undefined)?.matchLabels ?? {}) as Record<string, string>,
    };
  });
  const names = (item: Obj) => ({ namespace: String((item.metadata as Meta).namespace), name: String((item.metadata as Meta).name) });
  const configMaps = await arrays("/api/v1", "configmaps", names, PARTIAL_METADATA);
  const secrets = await arrays("/api/v1", "secrets", names, PARTIAL_METADATA);
  return {
    schemaVersion: 1,
    cluster: opts.client.cluster,
    workloads,
    services,
    hpas,
    pdbs,
    configMaps,
    secrets,
    requests: opts.client.requests,
  };
}

/** The workload behind a pod: a ReplicaSet's pods belong to the Deployment named by the set minus its hash. */
function ownerOf(meta: Meta): { kind: string; name: string } | null {
  const ref = meta.ownerReferences?.[0];
  if (!ref) return null;
  if (ref.kind !== "ReplicaSet") return ref;
  const hash = meta.labels?.["pod-template-hash"];
  const name = hash && ref.name.endsWith(`-${hash}`) ? ref.name.slice(0, -hash.length - 1) : ref.name.replace(/-[a-z0-9]+$/, "");
  return { kind: "Deployment", name };
}
