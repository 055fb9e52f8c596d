import { collectLocalSource } from "@/lib/collectors/local/collect-local-source";
import { evaluateCollected } from "@/lib/pipeline/evaluate-collected";
import type { ScanOutcome } from "@/lib/pipeline/types";
import type { ScoringConfig } from "@/lib/scoring/scoring-config";

/**
 * Scans a local directory: discover and collect each service (the only I/O), run the checks on its facts,
 * score the findings. What the CLI prints and the worker persists, with the deploy declarations that joined no
 * service (`unmatched`, never dropped). Throws only when the directory itself is unusable, or its `dozen.yaml`
 * is invalid (InvalidScoringConfigError: every score would silently ignore it).
 *
 * Without `config`, a `dozen.yaml`/`.yml`/`.json` at the root re-weights the checks and may add custom checks.
 */
export async function scanLocalDirectory(opts: { root: string; config?: ScoringConfig }): Promise<ScanOutcome> {
  return evaluateCollected({ collected: await collectLocalSource({ root: opts.root }), config: opts.config });
}
