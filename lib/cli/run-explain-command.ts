import { UsageError, type CliOutput } from "@/lib/cli/usage-error";
import { findFactor } from "@/lib/factors/factors";
import { findRule, getGuide } from "@/lib/rules/registry";

/** `dozen explain <ruleId>`: what the rule checks, why, and the remediation guide. */
export function runExplainCommand(opts: { args: string[]; output: CliOutput }): number {
  const [ruleId, ...extra] = opts.args;
  if (!ruleId || extra.length > 0) throw new UsageError('"explain" takes exactly one rule id.');
  const rule = findRule(ruleId);
  if (!rule) throw new UsageError(`Unknown rule "${ruleId}". \`dozen rules\` lists them.`);
  const factor = findFactor(rule.factor);
  opts.output.out(
    [
      `${rule.id} (v${rule.version}): ${rule.title}`,
      `Factor ${factor?.roman ?? "?"} ${factor?.name ?? rule.factor} · weight ${rule.defaultWeight} · effort ${rule.effort}`,
      "",
      rule.rationale,
      "",
      getGuide(rule.id) ?? "",
    ].join("\n"),
  );
  return 0;
}
