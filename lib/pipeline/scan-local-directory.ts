import { collectLocalSource, type LocalTarget } from "@/lib/collectors/local/collect-local-source";
import { buildCustomRules } from "@/lib/rules/custom/build-custom-rules";
import { RULES } from "@/lib/rules/registry";
import { runRules } from "@/lib/rules/run-rules";
import type { ScanOutcome, ServiceScanResult, TargetFailure } from "@/lib/pipeline/types";
import { loadScoringConfig } from "@/lib/scoring/load-scoring-config";
import { scoreFindings } from "@/lib/scoring/score-findings";
import type { ScoringConfig } from "@/lib/scoring/scoring-config";

/**
 * Scans a local directory: discover and collect each service (the only I/O), run the rules on its facts,
 * score the findings. What the CLI prints and the worker persists. Throws only when the directory itself is
 * unusable, or its `dozen.yaml` is invalid (InvalidScoringConfigError: every score would silently ignore it).
 *
 * Without `config`, a `dozen.yaml`/`.yml`/`.json` at the root re-weights the rules and may add custom checks.
 */
export async function scanLocalDirectory(opts: { root: string; config?: ScoringConfig }): Promise<ScanOutcome> {
  const config = opts.config ?? loadScoringConfig({ root: opts.root, knownRuleIds: RULES.map((r) => r.id) });
  const { targets } = await collectLocalSource({ root: opts.root });
  return scoreTargets({ targets, config });
}

/**
 * Rules and scores for each collected target. A target the collector could not read, or whose evaluation
 * throws, becomes a TargetFailure with the reason; the others are unaffected.
 */
export function scoreTargets(opts: { targets: readonly LocalTarget[]; config?: ScoringConfig }): ScanOutcome {
  const services: ServiceScanResult[] = [];
  const failures: TargetFailure[] = [];
  const rules = [...RULES, ...buildCustomRules({ checks: opts.config?.checks ?? [] })];
  for (const target of opts.targets) {
    const { key, name, path } = target;
    if ("error" in target) {
      failures.push({ key, name, path, error: target.error });
      continue;
    }
    const started = performance.now();
    try {
      const findings = runRules({ facts: target.facts, rules, config: opts.config });
      const score = scoreFindings({ findings });
      const durationMs = Math.round(performance.now() - started);
      services.push({ key, name, path, facts: target.facts, findings, ...score, durationMs });
    } catch (error) {
      failures.push({ key, name, path, error: `evaluation failed: ${error instanceof Error ? error.message : String(error)}` });
    }
  }
  return { services, failures };
}
