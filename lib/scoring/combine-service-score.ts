import type { ExemptableFinding } from "@/lib/scoring/apply-exemptions";
import type { ServiceScore } from "@/lib/scoring/types";
import { scoreFindings } from "@/lib/scoring/score-findings";

/**
 * A service's one score from both views of it: the union of its latest repository findings and its latest
 * cluster findings (checks and drift), scored by the same weighted model. A factor judged in both places
 * counts every applicable check from both, so a repository that declares probes but a cluster that runs
 * without them lands in between; a service seen only in a cluster (or only in a repository) scores on
 * what was seen.
 */
export function combineServiceScore(opts: {
  repoFindings: readonly ExemptableFinding[];
  clusterFindings: readonly ExemptableFinding[];
}): ServiceScore {
  return scoreFindings({ findings: [...opts.repoFindings, ...opts.clusterFindings] });
}
