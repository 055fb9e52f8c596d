import type { RuleDefinition } from "@/lib/rules/types";
import type { ScoringConfig } from "@/lib/scoring/scoring-config";

export interface ResolvedRuleSetting {
  weight: number;
  enabled: boolean;
}

/** Every rule at its own defaultWeight, enabled: the policy when nobody configured anything. */
export function defaultWeights(opts: { rules: readonly RuleDefinition[] }): Map<string, ResolvedRuleSetting> {
  return new Map(opts.rules.map((r) => [r.id, { weight: r.defaultWeight, enabled: true }]));
}

/** Defaults overlaid with a config's per-rule weight/enabled. Unknown ids are the loader's concern. */
export function resolveWeights(opts: { rules: readonly RuleDefinition[]; config?: ScoringConfig }): Map<string, ResolvedRuleSetting> {
  const settings = defaultWeights(opts);
  for (const [id, override] of Object.entries(opts.config?.rules ?? {})) {
    const current = settings.get(id);
    if (!current) continue;
    settings.set(id, { weight: override.weight ?? current.weight, enabled: override.enabled ?? current.enabled });
  }
  return settings;
}
