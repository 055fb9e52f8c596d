import { readRepoConfig } from "@/lib/collectors/local/read-repo-config";
import type { RepoConfigFile } from "@/lib/facts/types";
import { CHECKS } from "@/lib/rules/registry";
import { InvalidScoringConfigError, parseScoringConfig } from "@/lib/scoring/parse-scoring-config";
import type { ScoringConfig } from "@/lib/scoring/scoring-config";

/** Every check id a config may re-weight or disable: repository, cluster and drift checks alike. */
export const KNOWN_CHECK_IDS: readonly string[] = CHECKS.map((c) => c.id);

/** A config file's text → a validated config (undefined when there is none); throws InvalidScoringConfigError. */
export function scoringConfigOf(opts: { file: RepoConfigFile | null; knownRuleIds?: readonly string[] }): ScoringConfig | undefined {
  if (!opts.file) return undefined;
  return parseScoringConfig({ text: opts.file.text, source: opts.file.path, knownRuleIds: opts.knownRuleIds ?? KNOWN_CHECK_IDS });
}

/**
 * Reads and parses a config: `path` when given (it must be readable), else the first of dozen.yaml/.yml/.json
 * in `root`, else undefined (defaults apply).
 */
export async function loadScoringConfig(opts: {
  path?: string;
  root?: string;
  knownRuleIds?: readonly string[];
}): Promise<ScoringConfig | undefined> {
  const file = await readRepoConfig(opts);
  if (opts.path && !file) throw new InvalidScoringConfigError(opts.path, ["file not found, not a regular file, or larger than 256 KiB"]);
  return scoringConfigOf({ file, knownRuleIds: opts.knownRuleIds });
}
