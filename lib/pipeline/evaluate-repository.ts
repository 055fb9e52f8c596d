import { describeError } from "@/lib/errors";
import type { LocalTarget } from "@/lib/collectors/local/collect-local-source";
import { buildCustomRules } from "@/lib/rules/custom/build-custom-rules";
import { classifyServiceKind } from "@/lib/rules/classify-service-kind";
import { CHECKS } from "@/lib/rules/registry";
import { runRules } from "@/lib/rules/run-rules";
import type { EvaluatedTargets, ServiceScanResult, TargetFailure } from "@/lib/pipeline/types";
import { resolveWeights } from "@/lib/scoring/default-weights";
import { scoreFindings } from "@/lib/scoring/score-findings";
import type { ScoringConfig } from "@/lib/scoring/scoring-config";

/**
 * Checks and scores for each collected target of a repository: the repository checks of the catalogue plus
 * the config's custom checks, weighted by the config. A target the collector could not read, or whose
 * evaluation throws, becomes a TargetFailure with the reason; the others are unaffected.
 */
export function evaluateRepository(opts: { targets: readonly LocalTarget[]; config?: ScoringConfig }): EvaluatedTargets {
  const services: ServiceScanResult[] = [];
  const failures: TargetFailure[] = [];
  const rules = [...CHECKS, ...buildCustomRules({ checks: opts.config?.checks ?? [] })];
  const settings = resolveWeights({ rules, config: opts.config });
  for (const target of opts.targets) {
    const { key, name, path } = target;
    if ("error" in target) {
      failures.push({ key, name, path, error: target.error });
      continue;
    }
    const started = performance.now();
    try {
      const findings = runRules({ subject: { kind: "repository", facts: target.facts }, rules, settings });
      const score = scoreFindings({ findings });
      const durationMs = Math.round(performance.now() - started);
      services.push({ key, name, path, kind: classifyServiceKind(target.facts), facts: target.facts, findings, ...score, durationMs });
    } catch (error) {
      failures.push({ key, name, path, error: describeError(error, "evaluation failed") });
    }
  }
  return { services, failures };
}
