import { indexCandidates, mapWorkload, type ServiceCandidate, type WorkloadMapping } from "@/lib/pipeline/map-workload";
import { selectServiceFacts } from "@/lib/pipeline/select-service-facts";
import type { ClusterFacts, ClusterServiceFacts } from "@/lib/facts/cluster-types";

/** One service's share of a cluster audit: what becomes one scan target. */
export interface ClusterTargetPlan {
  targetKey: string;
  serviceId: number | null;
  group: { name: string; namespace: string; owners: string[] };
  facts: ClusterServiceFacts;
  mappings: WorkloadMapping[];
}

/**
 * Groups a cluster's workloads by the service they map to; unmapped workloads group by namespace and app
 * name (so a StatefulSet and its Service-less sidecar Deployment of one app stay together).
 */
export function planClusterTargets(opts: { facts: ClusterFacts; candidates: readonly ServiceCandidate[] }): ClusterTargetPlan[] {
  const groups = new Map<
    string,
    { serviceId: number | null; name: string; namespace: string; owners: Set<string>; indexes: number[]; mappings: WorkloadMapping[] }
  >();
  const index = indexCandidates({ candidates: opts.candidates });
  opts.facts.workloads.forEach((workload, i) => {
    const m = mapWorkload({ workload, candidates: index });
    const key = m.serviceId !== null ? `service:${m.serviceId}` : `${workload.namespace}/${m.groupName}`;
    const g = groups.get(key) ?? {
      serviceId: m.serviceId,
      name: m.groupName,
      namespace: workload.namespace,
      owners: new Set<string>(),
      indexes: [],
      mappings: [],
    };
    groups.set(key, g);
    g.indexes.push(i);
    g.mappings.push(m);
    for (const o of m.owners) g.owners.add(o);
  });
  // Services, HPAs and PDBs only reach pods of their own namespace: index them once so each plan scans its
  // namespaces' objects, not the whole cluster's (a cluster-wide scan per service is quadratic).
  const inNamespace = new Map<string, ClusterFacts>();
  const scoped = (namespaces: Set<string>): ClusterFacts => {
    const key = [...namespaces].sort().join(",");
    let found = inNamespace.get(key);
    if (!found) {
      found = {
        ...opts.facts,
        services: opts.facts.services.filter((s) => namespaces.has(s.namespace)),
        hpas: opts.facts.hpas.filter((h) => namespaces.has(h.namespace)),
        pdbs: opts.facts.pdbs.filter((p) => namespaces.has(p.namespace)),
      };
      inNamespace.set(key, found);
    }
    return found;
  };
  return [...groups.entries()].map(([key, g]) => ({
    targetKey: `cluster:${opts.facts.cluster}:${key}`,
    serviceId: g.serviceId,
    group: { name: g.name, namespace: g.namespace, owners: [...g.owners] },
    facts: selectServiceFacts({
      facts: scoped(new Set(g.indexes.map((i) => opts.facts.workloads[i]!.namespace))),
      workloads: g.indexes.map((i) => opts.facts.workloads[i]!),
    }),
    mappings: g.mappings,
  }));
}
