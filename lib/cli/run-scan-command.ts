import { existsSync, readFileSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { findNewFindings, type NewFinding } from "@/lib/cli/find-new-findings";
import { formatScanJson } from "@/lib/cli/format-scan-json";
import { builtInSarifRules, formatScanSarif } from "@/lib/cli/format-scan-sarif";
import { formatScanText } from "@/lib/cli/format-scan-text";
import { parseBaseline } from "@/lib/cli/parse-baseline";
import { summarizeGate } from "@/lib/cli/summarize-gate";
import { UsageError, type CliOutput } from "@/lib/cli/usage-error";
import { buildCustomRules } from "@/lib/rules/custom/build-custom-rules";
import { scanLocalDirectory } from "@/lib/pipeline/scan-local-directory";
import { loadScoringConfig } from "@/lib/pipeline/load-scoring-config";

/**
 * `dozen scan <dir>`: scan, print, and gate. Exits 1 whenever a target could not be scanned (past a bound,
 * unreadable): a run that did not see a service cannot vouch for it, gate or no gate. With --min-score, exits 1
 * when a service scores below it; a service with no applicable check (score N/A) does not fail the gate. With
 * --baseline (a previous JSON or SARIF output), exits 1 when a failing finding is not in it: the findings the
 * baseline holds no longer fail the run. Both gates may be given; either fails it. With JSON or SARIF on
 * stdout, why the run failed goes to stderr in one line per reason.
 */
export async function runScanCommand(opts: {
  args: string[];
  values: { format?: string; "min-score"?: string; config?: string; json?: boolean; baseline?: string };
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
  const baseline =
    opts.values.baseline === undefined ? undefined : readBaseline(resolve(opts.cwd, opts.values.baseline), opts.values.baseline);
  const config = await loadScoringConfig(opts.values.config ? { path: resolve(opts.cwd, opts.values.config) } : { root });

  const outcome = await scanLocalDirectory({ root, config });
  const newFindings: NewFinding[] | undefined = baseline ? findNewFindings({ outcome, baseline }) : undefined;
  const printed =
    format === "json"
      ? formatScanJson({ outcome, newFindings })
      : format === "sarif"
        ? formatScanSarif({
            outcome,
            root,
            rules: [...builtInSarifRules(), ...buildCustomRules({ checks: config?.checks ?? [] })],
            newFindings,
          })
        : formatScanText({ outcome, minScore, newFindings });
  opts.output.out(printed);
  if (format !== "text") for (const line of summarizeGate({ outcome, minScore, newFindings })) opts.output.err(line);
  const below = minScore !== undefined && outcome.services.some((s) => s.score !== null && s.score < minScore);
  return below || (newFindings?.length ?? 0) > 0 || outcome.failures.length > 0 ? 1 : 0;
}

function parseMinScore(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === "" || !Number.isFinite(n) || n < 0 || n > 100)
    throw new UsageError(`--min-score must be a number from 0 to 100 (got "${value}").`);
  return n;
}

function readBaseline(path: string, given: string) {
  if (!existsSync(path) || !statSync(path).isFile()) throw new UsageError(`--baseline ${given}: no such file.`);
  return parseBaseline({ text: readFileSync(path, "utf8"), file: given });
}
