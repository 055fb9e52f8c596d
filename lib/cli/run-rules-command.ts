import { UsageError, type CliOutput } from "@/lib/cli/usage-error";
import { findFactor } from "@/lib/factors/factors";
import { RULES } from "@/lib/rules/registry";

/** `dozen rules [--json]`: the catalogue, in factor order. */
export function runRulesCommand(opts: { args: string[]; json: boolean; output: CliOutput }): number {
  if (opts.args.length > 0) throw new UsageError(`"rules" takes no arguments (got ${opts.args.join(" ")}).`);
  if (opts.json) {
    const rules = RULES.map((r) => ({ id: r.id, version: r.version, factor: r.factor, title: r.title, effort: r.effort, defaultWeight: r.defaultWeight }));
    opts.output.out(JSON.stringify({ rules }, null, 2));
    return 0;
  }
  const width = Math.max(...RULES.map((r) => r.id.length));
  const lines = RULES.map((r) => `${(findFactor(r.factor)?.roman ?? "?").padEnd(5)} ${r.id.padEnd(width)}  ${String(r.defaultWeight).padStart(6)}  ${r.title}`);
  opts.output.out([`${"".padEnd(5)} ${"rule".padEnd(width)}  weight  title`, ...lines, "", `${RULES.length} rules. \`dozen explain <rule>\` for details.`].join("\n"));
  return 0;
}
