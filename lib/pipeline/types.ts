import type { ClusterServiceFacts } from "@/lib/facts/cluster-types";
import type { UnmatchedWorkload } from "@/lib/collectors/local/collect-local-source";
import type { WorkloadMapping } from "@/lib/pipeline/map-workload";
import type { DriftItem } from "@/lib/rules/factors/10-dev-prod-parity/clusterMatchesRepository/find-drift";
import type { Finding } from "@/lib/rules/types";
import type { ServiceFacts, ServiceKindName } from "@/lib/facts/types";
import type { ServiceScore } from "@/lib/scoring/types";

/** One scanned target that produced facts: what the CLI prints and the worker persists. */
export interface ServiceScanResult extends ServiceScore {
  key: string;
  name: string;
  path: string;
  /** What kind of service it is (lib/rules/classify-service-kind.ts): which checks judged it. */
  kind: ServiceKindName;
  facts: ServiceFacts;
  findings: Finding[];
  durationMs: number;
}

/** One target that could not be scanned: kept with its reason, never fatal to the rest. */
export interface TargetFailure {
  key: string;
  name: string;
  path: string;
  error: string;
}

/**
 * A deploy declaration that joined no service (a Deployment of an image nobody builds), as a scan keeps it:
 * listed under its source, never dropped. A GitHub scan's name their repository (`owner/name`).
 */
export type UnmatchedDeclaration = UnmatchedWorkload & { repository?: string };

export interface ScanOutcome {
  services: ServiceScanResult[];
  failures: TargetFailure[];
  /** Deploy declarations that joined no service, each with its file and line. */
  unmatched: UnmatchedDeclaration[];
}

/** What evaluating collected targets gives: a ScanOutcome without what only the collection knows. */
export type EvaluatedTargets = Omit<ScanOutcome, "unmatched">;

/** One service's share of a cluster audit, judged: what becomes one cluster scan target. */
export interface ClusterScanResult extends ServiceScore {
  key: string;
  /** The Dozen service its workloads joined; null when none did (a cluster-only service is made for them). */
  serviceId: number | null;
  /** Unmapped workloads: the name, namespace and owners of the service they become. */
  group: { name: string; namespace: string; owners: string[] };
  facts: ClusterServiceFacts;
  drift: DriftItem[];
  findings: Finding[];
  mappings: WorkloadMapping[];
}
