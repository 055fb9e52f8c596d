import type { LocalTarget, UnmatchedWorkload } from "@/lib/collectors/local/collect-local-source";
import { evaluateRepository } from "@/lib/pipeline/evaluate-repository";
import { scoringConfigOf } from "@/lib/pipeline/load-scoring-config";
import type { ScanOutcome } from "@/lib/pipeline/types";
import type { RepoConfigFile } from "@/lib/facts/types";
import type { ScoringConfig } from "@/lib/scoring/scoring-config";

/**
 * Checks and scores for a collected directory (in this process or a child's): its root `dozen.yaml`
 * re-weights the checks and may add custom ones unless `config` is given. Throws InvalidScoringConfigError
 * for an invalid `dozen.yaml` (every score would silently ignore it).
 */
export function evaluateCollected(opts: {
  collected: { targets: LocalTarget[]; repoConfig: RepoConfigFile | null; unmatched: UnmatchedWorkload[] };
  config?: ScoringConfig;
}): ScanOutcome {
  const { targets, repoConfig, unmatched } = opts.collected;
  const config = opts.config ?? scoringConfigOf({ file: repoConfig });
  return { ...evaluateRepository({ targets, config }), unmatched };
}
