import { RULES } from "@/lib/rules/registry";
import type { Finding, RuleDefinition, RuleResult } from "@/lib/rules/types";
import type { ServiceFacts } from "@/lib/facts/types";
import { resolveWeights } from "@/lib/scoring/default-weights";
import type { ScoringConfig } from "@/lib/scoring/scoring-config";

/**
 * Evaluates every enabled rule against one service's facts. Pure and deterministic (same facts and config,
 * same findings, in rule order), so stored facts can be re-evaluated offline. A rule that throws or returns
 * a malformed result yields an "error" finding with the reason: one broken heuristic never sinks a scan.
 */
export function runRules(opts: { facts: ServiceFacts; rules?: readonly RuleDefinition[]; config?: ScoringConfig }): Finding[] {
  const rules = opts.rules ?? RULES;
  const settings = resolveWeights({ rules, config: opts.config });
  const findings: Finding[] = [];
  for (const rule of rules) {
    const setting = settings.get(rule.id);
    if (!setting?.enabled) continue;
    findings.push({
      ruleId: rule.id,
      ruleVersion: rule.version,
      factor: rule.factor,
      title: rule.title,
      effort: rule.effort,
      weight: setting.weight,
      ...evaluateSafely(rule, opts.facts),
    });
  }
  return findings;
}

const OUTCOMES = new Set(["pass", "fail", "notApplicable", "notAvailable", "error"]);

function evaluateSafely(rule: RuleDefinition, facts: ServiceFacts): RuleResult {
  try {
    const result = rule.evaluate(facts);
    if (!result || !OUTCOMES.has(result.outcome) || typeof result.message !== "string" || !Array.isArray(result.evidence)) {
      return { outcome: "error", message: `Rule ${rule.id} returned a malformed result.`, evidence: [] };
    }
    return { outcome: result.outcome, message: result.message, evidence: result.evidence };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { outcome: "error", message: `Rule ${rule.id} failed: ${reason}`, evidence: [] };
  }
}
