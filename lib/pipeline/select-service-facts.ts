import type { ClusterFacts, ClusterServiceFacts, WorkloadFacts } from "@/lib/facts/cluster-types";
import { selects } from "@/lib/rules/helpers/cluster";

/** The cluster facts about one service: its workloads plus the Services, HPAs and PDBs that reach them. */
export function selectServiceFacts(opts: { facts: ClusterFacts; workloads: WorkloadFacts[] }): ClusterServiceFacts {
  const { facts, workloads } = opts;
  return {
    schemaVersion: 1,
    cluster: facts.cluster,
    workloads,
    services: facts.services.filter((s) => workloads.some((w) => w.namespace === s.namespace && selects(s.selector, w.podLabels))),
    hpas: facts.hpas.filter((h) =>
      workloads.some((w) => w.namespace === h.namespace && w.kind === h.targetKind && w.name === h.targetName),
    ),
    pdbs: facts.pdbs.filter((p) => workloads.some((w) => w.namespace === p.namespace && selects(p.selector, w.podLabels))),
  };
}
