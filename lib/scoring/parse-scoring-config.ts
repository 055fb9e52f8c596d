import { parse } from "yaml";
import { DozenError } from "@/lib/errors";
import { yamlErrorReason } from "@/lib/facts/yaml-error-reason";
import { scoringConfigSchema, type ScoringConfig } from "@/lib/scoring/scoring-config";

/** A config file that does not parse or names rules that do not exist; lists every issue. */
export class InvalidScoringConfigError extends DozenError {
  constructor(
    public readonly source: string,
    public readonly issues: string[],
  ) {
    super(`Invalid scoring config ${source}:\n  ${issues.join("\n  ")}`);
    this.name = "InvalidScoringConfigError";
  }
}

/** Parses YAML or JSON text into a config; `knownRuleIds` turns a misspelt rule id into an error. */
export function parseScoringConfig(opts: { text: string; source: string; knownRuleIds?: readonly string[] }): ScoringConfig {
  let raw: unknown;
  try {
    raw = parse(opts.text) ?? {};
  } catch (error) {
    // The parser's first line only: the rest quotes the file, which is stored and shown with the scan.
    throw new InvalidScoringConfigError(opts.source, [yamlErrorReason({ message: error instanceof Error ? error.message : "" })]);
  }
  const result = scoringConfigSchema.safeParse(raw);
  if (!result.success) {
    throw new InvalidScoringConfigError(
      opts.source,
      result.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`),
    );
  }
  const checkIds = (result.data.checks ?? []).map((c) => c.id);
  const issues = checkIds.flatMap((id, i) => [
    ...(opts.knownRuleIds?.includes(id) ? [`checks.${i}.id: "${id}" is already a built-in rule`] : []),
    ...(checkIds.indexOf(id) !== i ? [`checks.${i}.id: "${id}" is defined twice`] : []),
  ]);
  const known = opts.knownRuleIds ? new Set([...opts.knownRuleIds, ...checkIds]) : null;
  const unknown = known ? Object.keys(result.data.rules).filter((id) => !known.has(id)) : [];
  issues.push(...unknown.map((id) => `rules.${id}: no such rule (see \`dozen rules\`)`));
  if (issues.length > 0) throw new InvalidScoringConfigError(opts.source, issues);
  return result.data;
}
