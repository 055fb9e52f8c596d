import { UsageError, type CliOutput } from "@/lib/cli/usage-error";
import { loadCustomRules } from "@/lib/cli/load-custom-rules";
import { findFactor } from "@/lib/factors/factors";
import { CLUSTER_CHECKS, RULES } from "@/lib/rules/registry";
import { plural } from "@/lib/text/plural";

/**
 * `dozen rules [--json] [--config FILE]`: the catalogue in factor order, then the cluster checks (judged on
 * live clusters, not by `dozen scan`), then the config's custom checks.
 */
export async function runRulesCommand(opts: {
  args: string[];
  json: boolean;
  config?: string;
  cwd: string;
  output: CliOutput;
}): Promise<number> {
  if (opts.args.length > 0) throw new UsageError(`"rules" takes no arguments (got ${opts.args.join(" ")}).`);
  const custom = await loadCustomRules({ config: opts.config, cwd: opts.cwd });
  const all = [
    ...RULES.map((r) => ({ rule: r, custom: false, cluster: false })),
    ...CLUSTER_CHECKS.map((r) => ({ rule: r, custom: false, cluster: true })),
    ...custom.map((r) => ({ rule: r, custom: true, cluster: false })),
  ];
  if (opts.json) {
    const rules = all.map(({ rule: r, custom: c, cluster }) => ({
      id: r.id,
      version: r.version,
      factor: r.factor,
      title: r.title,
      effort: r.effort,
      defaultWeight: r.defaultWeight,
      judges: r.judges,
      custom: c,
      cluster,
    }));
    opts.output.out(JSON.stringify({ rules }, null, 2));
    return 0;
  }
  const width = Math.max(...all.map(({ rule: r }) => r.id.length));
  const lines = all.map(
    ({ rule: r, custom: c, cluster }) =>
      `${(findFactor(r.factor)?.roman ?? "?").padEnd(5)} ${r.id.padEnd(width)}  ${String(r.defaultWeight).padStart(6)}  ${r.title}${c ? "  (custom)" : cluster ? "  (cluster)" : ""}`,
  );
  const rules = `${plural(RULES.length, "rule")}, ${plural(CLUSTER_CHECKS.length, "cluster check")}`;
  const total = custom.length > 0 ? `${rules} and ${plural(custom.length, "custom check")}.` : `${rules}.`;
  opts.output.out(
    [`${"".padEnd(5)} ${"rule".padEnd(width)}  weight  title`, ...lines, "", `${total} \`dozen explain <rule>\` for details.`].join("\n"),
  );
  return 0;
}
