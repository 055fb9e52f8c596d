import type { ClusterServiceFacts } from "@/lib/cluster/types";
import type { ClusterRuleDefinition } from "@/lib/cluster/rules/helpers";
import { clusterImagesPinned, clusterMigrationsAsJobs, clusterSecretsFromSecretRefs } from "@/lib/cluster/rules/config-and-release";
import { clusterDeclaresProbes, clusterDeclaresResources, clusterHasDisruptionBudget, clusterScalesHorizontally, clusterShutsDownGracefully } from "@/lib/cluster/rules/runtime";
import { clusterDeploymentsStateless, clusterNoStickySessions, clusterPortsExposedByService, clusterRunsAsNonRoot } from "@/lib/cluster/rules/processes-and-ports";
import type { Finding } from "@/lib/rules/types";

/** Every cluster check, in factor order. */
export const CLUSTER_RULES: readonly ClusterRuleDefinition[] = [
  clusterSecretsFromSecretRefs, clusterImagesPinned, clusterDeploymentsStateless, clusterNoStickySessions,
  clusterPortsExposedByService, clusterScalesHorizontally, clusterDeclaresResources, clusterDeclaresProbes,
  clusterShutsDownGracefully, clusterHasDisruptionBudget, clusterMigrationsAsJobs, clusterRunsAsNonRoot,
];

/** Runs the cluster checks over one service's cluster facts; a throwing check becomes an `error` finding. */
export function runClusterRules(opts: { facts: ClusterServiceFacts; rules?: readonly ClusterRuleDefinition[] }): Finding[] {
  return (opts.rules ?? CLUSTER_RULES).map((rule) => {
    let result;
    try {
      result = rule.evaluate(opts.facts);
    } catch (error) {
      result = { outcome: "error" as const, message: error instanceof Error ? error.message : String(error), evidence: [] };
    }
    return { ...result, ruleId: rule.id, ruleVersion: rule.version, factor: rule.factor, title: rule.title, effort: rule.effort, weight: rule.defaultWeight };
  });
}
