import { GENERATED_CHECKS, GENERATED_GUIDES } from "@/lib/rules/registry.generated";
import type { CheckDefinition, CheckInfo, RepositoryCheck, WorkloadCheck } from "@/lib/rules/types";

/**
 * Every check, repository, cluster and cross (drift), ordered by factor folder then id: the one catalogue.
 * Regenerate with `npm run generate:registry` after adding a check folder.
 */
export const CHECKS: readonly CheckDefinition[] = GENERATED_CHECKS;

/** The checks that judge a repository's facts (what `dozen scan` runs), workload checks included. */
export const RULES: readonly (RepositoryCheck | WorkloadCheck)[] = CHECKS.filter(
  (c): c is RepositoryCheck | WorkloadCheck => c.judges === "repository" || c.judges === "workload",
);

/**
 * The checks that judge only a live cluster, alone or beside what the repository declares (drift). A cluster
 * scan runs these and the workload checks (RULES that judge "workload").
 */
export const CLUSTER_CHECKS: readonly CheckDefinition[] = CHECKS.filter((c) => c.judges === "cluster" || c.judges === "both");

/** A check by id, undefined for an unknown id (e.g. from an old stored finding or a typo on the CLI). */
export function findRule(ruleId: string): CheckDefinition | undefined {
  return CHECKS.find((r) => r.id === ruleId);
}

/** The check's remediation guide (Markdown with {{placeholders}}), or undefined for an unknown check. */
export function getGuide(ruleId: string): string | undefined {
  return Object.hasOwn(GENERATED_GUIDES, ruleId) ? GENERATED_GUIDES[ruleId] : undefined;
}

/** The catalogue fields of a check, without its evaluator (what a page or a CLI listing needs). */
export function checkInfo(check: CheckInfo): CheckInfo {
  const { id, version, factor, title, rationale, judges, effort, defaultWeight, kinds } = check;
  return { id, version, factor, title, rationale, judges, effort, defaultWeight, ...(kinds ? { kinds } : {}) };
}
