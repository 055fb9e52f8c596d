import type { LocalTarget, UnmatchedWorkload } from "@/lib/collectors/local/collect-local-source";
import { linkEvidence } from "@/lib/sources/kinds/github/link-evidence";
import { evaluateRepository } from "@/lib/pipeline/evaluate-repository";
import type { ScanOutcome } from "@/lib/pipeline/types";
import type { ScoringConfig } from "@/lib/scoring/scoring-config";

/**
 * Checks and scores for a repository's collected targets, with evidence linked to GitHub at `sha`. The
 * repository's `dozen.yaml` travels inside each service's facts (`repoConfig`), so a re-evaluation from
 * stored facts (unchanged commit) scores exactly as the download did.
 */
export function scoreRepository(opts: {
  targets: LocalTarget[];
  /** The repository's deploy declarations that joined no service; returned naming the repository. */
  unmatched: readonly UnmatchedWorkload[];
  config: ScoringConfig | undefined;
  webBaseUrl: string;
  fullName: string;
  sha: string;
}): ScanOutcome {
  const outcome = evaluateRepository({ targets: opts.targets, config: opts.config });
  return {
    failures: outcome.failures,
    unmatched: opts.unmatched.map((w) => ({ ...w, repository: opts.fullName })),
    services: outcome.services.map((s) => ({
      ...s,
      findings: linkEvidence({ findings: s.findings, webBaseUrl: opts.webBaseUrl, fullName: opts.fullName, sha: opts.sha }),
    })),
  };
}
