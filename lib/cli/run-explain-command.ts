import { UsageError, type CliOutput } from "@/lib/cli/usage-error";
import { loadCustomRules } from "@/lib/cli/load-custom-rules";
import { findFactor } from "@/lib/factors/factors";
import { renderGuide } from "@/lib/guides/render-guide";
import { findRule } from "@/lib/rules/registry";

/** `dozen explain <ruleId> [--config FILE]`: what the rule (or custom check) checks, why, and the remediation guide. */
export async function runExplainCommand(opts: { args: string[]; config?: string; cwd: string; output: CliOutput }): Promise<number> {
  const [ruleId, ...extra] = opts.args;
  if (!ruleId || extra.length > 0) throw new UsageError('"explain" takes exactly one rule id.');
  const custom = (await loadCustomRules({ config: opts.config, cwd: opts.cwd })).find((r) => r.id === ruleId);
  const rule = findRule(ruleId) ?? custom;
  if (!rule) throw new UsageError(`Unknown rule "${ruleId}". \`dozen rules\` lists them.`);
  const factor = findFactor(rule.factor);
  opts.output.out(
    [
      `${rule.id} (v${rule.version}): ${rule.title}`,
      `Factor ${factor?.roman ?? "?"} ${factor?.name ?? rule.factor} · weight ${rule.defaultWeight} · effort ${rule.effort}`,
      "",
      rule.rationale,
      "",
      // No finding to point at: the guide without its "Where" line.
      renderGuide({ ruleId: rule.id, evidence: [] }) ?? custom?.guide ?? "",
    ].join("\n"),
  );
  return 0;
}
