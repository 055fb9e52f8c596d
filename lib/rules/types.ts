import type { FactorId } from "@/lib/factors/factors";
import type { ServiceFacts } from "@/lib/facts/types";

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

export interface RuleDefinition {
  /** Folder name; states the compliant condition in camelCase, e.g. "readsPortFromEnv". */
  id: string;
  /** Bumped when the evaluator's meaning changes, so stored findings say which logic produced them. */
  version: number;
  factor: FactorId;
  title: string;
  rationale: string;
  appliesTo: ("repo" | "cluster")[];
  effort: Effort;
  /** Default weight within its factor (1–10); re-weighting lives in lib/scoring config, not here. */
  defaultWeight: number;
  evaluate(facts: ServiceFacts): RuleResult;
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
