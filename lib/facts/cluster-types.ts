/**
 * What Dozen knows about a live cluster: compact, serialisable facts the collector builds while it pages
 * through the API. No Secret data and no env values are ever held: env literals keep only their name, and a
 * secret-looking one a redacted preview (lib/facts/preview-secret.ts).
 */

import type { AutoscalerFact, ClusterServiceFact, DisruptionBudgetFact, WorkloadFacts } from "@/lib/facts/workload/types";

export type {
  AutoscalerFact,
  ClusterServiceFact,
  ContainerFact,
  DisruptionBudgetFact,
  EnvVarFact,
  WorkloadFacts,
  WorkloadKind,
} from "@/lib/facts/workload/types";

export interface ClusterFacts {
  schemaVersion: 1;
  cluster: string;
  workloads: WorkloadFacts[];
  services: ClusterServiceFact[];
  hpas: AutoscalerFact[];
  pdbs: DisruptionBudgetFact[];
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
