import { DRIFT_RULE } from "@/lib/cluster/find-drift";
import { CLUSTER_GUIDES } from "@/lib/cluster/rules/guides.generated";
import { CLUSTER_RULES } from "@/lib/cluster/run-cluster-rules";
import type { RuleDefinition } from "@/lib/rules/types";

/** What explaining a check needs: the catalogue fields, without evaluate (cluster checks judge other facts). */
export type CheckInfo = Pick<RuleDefinition, "id" | "version" | "factor" | "title" | "rationale" | "effort" | "defaultWeight">;

/** Every cluster check, the drift check included, in the order the audit runs them. */
export const CLUSTER_CHECKS: readonly CheckInfo[] = [
  ...CLUSTER_RULES,
  { id: DRIFT_RULE.id, version: DRIFT_RULE.version, factor: DRIFT_RULE.factor, title: DRIFT_RULE.title, rationale: DRIFT_RULE.rationale, effort: DRIFT_RULE.effort, defaultWeight: DRIFT_RULE.weight },
];

/** A cluster check by id; undefined for any other id. */
export function findClusterRule(ruleId: string): CheckInfo | undefined {
  return CLUSTER_CHECKS.find((r) => r.id === ruleId);
}

/** A cluster check's remediation guide (Markdown with {{kind}}, {{namespace}}, {{name}}, {{path}}). */
export function getClusterGuide(ruleId: string): string | undefined {
  return Object.hasOwn(CLUSTER_GUIDES, ruleId) ? CLUSTER_GUIDES[ruleId] : undefined;
}
