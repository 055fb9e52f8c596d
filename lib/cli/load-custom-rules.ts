import { resolve } from "node:path";
import { buildCustomRules, type CustomRule } from "@/lib/rules/custom/build-custom-rules";
import { loadScoringConfig } from "@/lib/pipeline/load-scoring-config";

/** The custom checks of `--config FILE` (none without it), validated like `dozen scan` validates them. */
export async function loadCustomRules(opts: { config?: string; cwd: string }): Promise<CustomRule[]> {
  if (!opts.config) return [];
  const config = await loadScoringConfig({ path: resolve(opts.cwd, opts.config) });
  return buildCustomRules({ checks: config?.checks ?? [] });
}
