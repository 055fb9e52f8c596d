import { findClusterRule, getClusterGuide, type CheckInfo } from "@/lib/cluster/find-cluster-rule";
import { GENERATED_GUIDES, GENERATED_RULES } from "@/lib/rules/registry.generated";
import type { RuleDefinition } from "@/lib/rules/types";

/** Every rule, ordered by factor folder then id. Regenerate with `npx tsx lib/rules/generate-registry.ts`. */
export const RULES: readonly RuleDefinition[] = GENERATED_RULES;

/**
 * A check by id, repository rule or cluster check (lib/cluster), so pages and `dozen explain` show either;
 * undefined for an unknown id (e.g. from an old stored finding or a typo on the CLI).
 */
export function findRule(ruleId: string): RuleDefinition | CheckInfo | undefined {
  return RULES.find((r) => r.id === ruleId) ?? findClusterRule(ruleId);
}

/** The rule's remediation guide (Markdown with {{placeholders}}), or undefined for an unknown rule. */
export function getGuide(ruleId: string): string | undefined {
  return Object.hasOwn(GENERATED_GUIDES, ruleId) ? GENERATED_GUIDES[ruleId] : getClusterGuide(ruleId);
}
