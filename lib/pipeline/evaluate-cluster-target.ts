import type { ManifestObject, RepoConfigFile } from "@/lib/facts/types";
import { scoringConfigOf } from "@/lib/pipeline/load-scoring-config";
import type { ClusterTargetPlan } from "@/lib/pipeline/plan-cluster-targets";
import type { ClusterScanResult } from "@/lib/pipeline/types";
import { findDrift } from "@/lib/rules/factors/10-dev-prod-parity/clusterMatchesRepository/find-drift";
import { CHECKS } from "@/lib/rules/registry";
import { runRules } from "@/lib/rules/run-rules";
import { resolveWeights } from "@/lib/scoring/default-weights";
import { InvalidScoringConfigError } from "@/lib/scoring/parse-scoring-config";
import { scoreFindings } from "@/lib/scoring/score-findings";

/**
 * Judges one service's share of a cluster audit: the cluster and cross checks of the catalogue on its
 * workloads, beside what its repository declares (drift), weighted by its repository's dozen.yaml (so a team
 * can re-weight or disable a cluster check where it keeps its other settings). A config the repository scan
 * already refused counts as none here: the repository's own scan reports it.
 */
export function evaluateClusterTarget(opts: {
  plan: ClusterTargetPlan;
  declared: readonly ManifestObject[];
  repoConfig: RepoConfigFile | null;
}): ClusterScanResult {
  const { plan } = opts;
  const settings = resolveWeights({ rules: CHECKS, config: configOrNone(opts.repoConfig) });
  const findings = runRules({ subject: { kind: "cluster", facts: plan.facts, declared: opts.declared }, settings });
  const { items } = findDrift({ manifests: opts.declared, cluster: plan.facts });
  return {
    key: plan.targetKey,
    serviceId: plan.serviceId,
    group: plan.group,
    facts: plan.facts,
    drift: items,
    findings,
    mappings: plan.mappings,
    ...scoreFindings({ findings }),
  };
}

function configOrNone(file: RepoConfigFile | null) {
  try {
    return scoringConfigOf({ file });
  } catch (error) {
    if (error instanceof InvalidScoringConfigError) return undefined;
    throw error;
  }
}
