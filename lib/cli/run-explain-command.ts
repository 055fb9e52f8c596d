import { UsageError, type CliOutput } from "@/lib/cli/usage-error";
import { loadCustomRules } from "@/lib/cli/load-custom-rules";
import { findFactor } from "@/lib/factors/factors";
import { GUIDE_LANGUAGE_ALIAS, GUIDE_LANGUAGE_LABEL, toGuideLanguage } from "@/lib/guides/guide-languages";
import { renderGuide } from "@/lib/guides/render-guide";
import { findRule } from "@/lib/rules/registry";

/**
 * `dozen explain <ruleId> [--lang LANGUAGE] [--config FILE]`: what the rule (or custom check) checks, why, and
 * the remediation guide: its before/after in every language it has, or in LANGUAGE only (with the generic
 * advice when the guide has no example in it).
 */
export async function runExplainCommand(opts: {
  args: string[];
  lang?: string;
  config?: string;
  cwd: string;
  output: CliOutput;
}): Promise<number> {
  const [ruleId, ...extra] = opts.args;
  if (!ruleId || extra.length > 0) throw new UsageError('"explain" takes exactly one rule id.');
  const language = opts.lang === undefined ? undefined : toGuideLanguage(opts.lang);
  if (opts.lang !== undefined && !language) {
    const names = [...Object.keys(GUIDE_LANGUAGE_LABEL), ...Object.keys(GUIDE_LANGUAGE_ALIAS)].join(", ");
    throw new UsageError(`--lang must be one of ${names} (got "${opts.lang}").`);
  }
  const custom = (await loadCustomRules({ config: opts.config, cwd: opts.cwd })).find((r) => r.id === ruleId);
  const rule = findRule(ruleId) ?? custom;
  if (!rule) throw new UsageError(`Unknown rule "${ruleId}". \`dozen rules\` lists them.`);
  const factor = findFactor(rule.factor);
  // No finding to point at: the guide without its "Where" line.
  const guide = renderGuide({
    ruleId: rule.id,
    evidence: [],
    languages: language ? [language] : [],
    ...(findRule(ruleId) ? {} : { markdown: custom?.guide ?? "" }),
  });
  opts.output.out(
    [
      `${rule.id} (v${rule.version}): ${rule.title}`,
      `Factor ${factor?.roman ?? "?"} ${factor?.name ?? rule.factor} · weight ${rule.defaultWeight} · effort ${rule.effort}`,
      "",
      rule.rationale,
      "",
      guide ?? "",
    ].join("\n"),
  );
  return 0;
}
