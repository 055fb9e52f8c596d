import { UsageError, type CliOutput } from "@/lib/cli/usage-error";
import { loadCustomRules } from "@/lib/cli/load-custom-rules";
import { findFactor } from "@/lib/factors/factors";
import { RULES } from "@/lib/rules/registry";

/** `dozen rules [--json] [--config FILE]`: the catalogue in factor order, then the config's custom checks. */
export function runRulesCommand(opts: { args: string[]; json: boolean; config?: string; cwd: string; output: CliOutput }): number {
  if (opts.args.length > 0) throw new UsageError(`"rules" takes no arguments (got ${opts.args.join(" ")}).`);
  const custom = loadCustomRules({ config: opts.config, cwd: opts.cwd });
  const all = [...RULES.map((r) => ({ rule: r, custom: false })), ...custom.map((r) => ({ rule: r, custom: true }))];
  if (opts.json) {
    const rules = all.map(({ rule: r, custom: c }) => ({ id: r.id, version: r.version, factor: r.factor, title: r.title, effort: r.effort, defaultWeight: r.defaultWeight, custom: c }));
    opts.output.out(JSON.stringify({ rules }, null, 2));
    return 0;
  }
  const width = Math.max(...all.map(({ rule: r }) => r.id.length));
  const lines = all.map(({ rule: r, custom: c }) => `${(findFactor(r.factor)?.roman ?? "?").padEnd(5)} ${r.id.padEnd(width)}  ${String(r.defaultWeight).padStart(6)}  ${r.title}${c ? "  (custom)" : ""}`);
  const total = custom.length > 0 ? `${RULES.length} rules and ${custom.length} custom check(s).` : `${RULES.length} rules.`;
  opts.output.out([`${"".padEnd(5)} ${"rule".padEnd(width)}  weight  title`, ...lines, "", `${total} \`dozen explain <rule>\` for details.`].join("\n"));
  return 0;
}
