import { existsSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { formatScanJson } from "@/lib/cli/format-scan-json";
import { builtInSarifRules, formatScanSarif } from "@/lib/cli/format-scan-sarif";
import { formatScanText } from "@/lib/cli/format-scan-text";
import { UsageError, type CliOutput } from "@/lib/cli/usage-error";
import { buildCustomRules } from "@/lib/rules/custom/build-custom-rules";
import { scanLocalDirectory } from "@/lib/pipeline/scan-local-directory";
import { loadScoringConfig } from "@/lib/pipeline/load-scoring-config";

/**
 * `dozen scan <dir>`: scan, print, and gate. With --min-score, exits 1 when a service scores below it or a
 * target could not be scanned (an unscanned service cannot show it meets the bar); a service with no
 * applicable check (score N/A) does not fail the gate.
 */
export async function runScanCommand(opts: {
  args: string[];
  values: { format?: string; "min-score"?: string; config?: string; json?: boolean };
  cwd: string;
  output: CliOutput;
}): Promise<number> {
  const [dir, ...extra] = opts.args;
  if (!dir) throw new UsageError('"scan" needs a directory.');
  if (extra.length > 0) throw new UsageError(`"scan" takes one directory (got ${opts.args.join(" ")}).`);
  const root = resolve(opts.cwd, dir);
  if (!existsSync(root) || !statSync(root).isDirectory()) throw new UsageError(`Not a directory: ${dir}`);
  const format = opts.values.format ?? (opts.values.json ? "json" : "text");
  if (format !== "text" && format !== "json" && format !== "sarif")
    throw new UsageError(`--format must be text, json or sarif (got "${format}").`);
  const minScore = parseMinScore(opts.values["min-score"]);
  const config = await loadScoringConfig(opts.values.config ? { path: resolve(opts.cwd, opts.values.config) } : { root });

  const outcome = await scanLocalDirectory({ root, config });
  const printed =
    format === "json"
      ? formatScanJson({ outcome })
      : format === "sarif"
        ? formatScanSarif({ outcome, root, rules: [...builtInSarifRules(), ...buildCustomRules({ checks: config?.checks ?? [] })] })
        : formatScanText({ outcome, minScore });
  opts.output.out(printed);
  if (minScore === undefined) return 0;
  const below = outcome.services.filter((s) => s.score !== null && s.score < minScore);
  return below.length > 0 || outcome.failures.length > 0 ? 1 : 0;
}

function parseMinScore(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === "" || !Number.isFinite(n) || n < 0 || n > 100)
    throw new UsageError(`--min-score must be a number from 0 to 100 (got "${value}").`);
  return n;
}
