import type { FactorId } from "@/lib/factors/factors";
import type { ClusterServiceFacts } from "@/lib/facts/cluster-types";
import type { ManifestObject, ServiceFacts, ServiceKindName } from "@/lib/facts/types";

/**
 * The contract between rules (pure checks over facts) and scoring: outcomes, evidence, findings.
 */

export type Outcome = "pass" | "fail" | "notApplicable" | "notAvailable" | "error";

export interface RepoEvidence {
  type: "repo";
  path: string;
  lineStart: number;
  lineEnd: number;
  snippet: string;
  /** Link to the file and lines at the scanned commit, when the source knows one. */
  url?: string;
}

export interface ClusterEvidence {
  type: "cluster";
  cluster: string;
  namespace: string | null;
  kind: string;
  name: string;
  jsonPath: string;
  snippet?: string;
}

export type Evidence = RepoEvidence | ClusterEvidence;

/** What a rule's evaluate() returns. */
export interface RuleResult {
  outcome: Outcome;
  message: string;
  evidence: Evidence[];
}

export type Effort = "low" | "medium" | "high";

/**
 * What a check judges: a repository's facts, a live cluster's, both side by side (drift), or a service's
 * workloads wherever they are seen ("workload": as the repository declares them and as a cluster runs them,
 * judged alike from the one Workload fact, lib/facts/workload).
 */
export type Judges = "repository" | "cluster" | "both" | "workload";

/** Everything a check is besides its evaluator: what catalogues, pages, guides and scoring read. */
export interface CheckInfo {
  /** Folder name; states the compliant condition in camelCase, e.g. "readsPortFromEnv". */
  id: string;
  /** Bumped when the evaluator's meaning changes, so stored findings say which logic produced them. */
  version: number;
  factor: FactorId;
  title: string;
  rationale: string;
  judges: Judges;
  effort: Effort;
  /** Default weight within its factor (1–10); re-weighting lives in lib/scoring config, not here. */
  defaultWeight: number;
  /**
   * The kinds of service it judges (lib/rules/classify-service-kind.ts); unset: every kind. A load generator is
   * not failed for lacking metrics: for the kinds it does not judge, a check is not applicable.
   */
  kinds?: readonly ServiceKindName[];
}

/** A check of one service's repository facts (its files, Dockerfiles, manifests, dependencies). */
export interface RepositoryCheck extends CheckInfo {
  judges: "repository";
  evaluate(facts: ServiceFacts): RuleResult;
}

/** A check of what one service runs in a live cluster. */
export interface ClusterCheck extends CheckInfo {
  judges: "cluster";
  evaluate(facts: ClusterServiceFacts): RuleResult;
}

/** A check that compares what a repository declares with what a cluster runs. */
export interface CrossCheck extends CheckInfo {
  judges: "both";
  evaluate(facts: { declared: readonly ManifestObject[]; cluster: ClusterServiceFacts }): RuleResult;
}

/**
 * A check of a property of the service's workloads (probes, user, replicas, resources, images, env): one
 * evaluator for the repository's declarations and for what a cluster runs, with evidence at a file and line
 * or at a cluster object and field.
 */
export interface WorkloadCheck extends CheckInfo {
  judges: "workload";
  evaluate(subject: CheckSubject): RuleResult;
}

export type CheckDefinition = RepositoryCheck | ClusterCheck | CrossCheck | WorkloadCheck;

/** What one evaluation looks at: a repository's facts, or a cluster's with what the repository declares. */
export type CheckSubject =
  { kind: "repository"; facts: ServiceFacts } | { kind: "cluster"; facts: ClusterServiceFacts; declared: readonly ManifestObject[] };

/** A check's weight and whether it runs, as the scoring config resolved them (lib/scoring). */
export interface CheckSetting {
  weight: number;
  enabled: boolean;
}

/** A rule result tagged with the rule it came from: what is stored and shown. */
export interface Finding extends RuleResult {
  ruleId: string;
  ruleVersion: number;
  factor: FactorId;
  title: string;
  effort: Effort;
  weight: number;
}
