import { resolve } from "node:path";
import { buildCustomRules, type CustomRule } from "@/lib/rules/custom/build-custom-rules";
import { RULES } from "@/lib/rules/registry";
import { loadScoringConfig } from "@/lib/scoring/load-scoring-config";

/** The custom checks of `--config FILE` (none without it), validated like `dozen scan` validates them. */
export function loadCustomRules(opts: { config?: string; cwd: string }): CustomRule[] {
  if (!opts.config) return [];
  const config = loadScoringConfig({ path: resolve(opts.cwd, opts.config), knownRuleIds: RULES.map((r) => r.id) });
  return buildCustomRules({ checks: config?.checks ?? [] });
}
