import type { CheckInfo, CheckSetting } from "@/lib/rules/types";
import type { ScoringConfig } from "@/lib/scoring/scoring-config";

/** Every check at its own defaultWeight, enabled: the policy when nobody configured anything. */
export function defaultWeights(opts: { rules: readonly Pick<CheckInfo, "id" | "defaultWeight">[] }): Map<string, CheckSetting> {
  return new Map(opts.rules.map((r) => [r.id, { weight: r.defaultWeight, enabled: true }]));
}

/**
 * Defaults overlaid with a config's per-check weight/enabled: what runRules takes as its settings. Any
 * check of the catalogue (repository, cluster or drift) or a custom one can be re-weighted or disabled.
 * Unknown ids are the config parser's concern.
 */
export function resolveWeights(opts: {
  rules: readonly Pick<CheckInfo, "id" | "defaultWeight">[];
  config?: ScoringConfig;
}): Map<string, CheckSetting> {
  const settings = defaultWeights(opts);
  for (const [id, override] of Object.entries(opts.config?.rules ?? {})) {
    const current = settings.get(id);
    if (!current) continue;
    settings.set(id, { weight: override.weight ?? current.weight, enabled: override.enabled ?? current.enabled });
  }
  return settings;
}
