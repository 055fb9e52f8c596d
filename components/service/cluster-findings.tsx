import type { ServiceCluster } from "@/lib/services/get-service-cluster";
import { renderGuide } from "@/lib/guides/render-guide";
import { findRule } from "@/lib/rules/registry";
import { FindingCard } from "@/components/service/finding-card";

const OUTCOME_ORDER: Record<string, number> = { fail: 0, error: 1, notAvailable: 2, pass: 3, notApplicable: 4 };

/**
 * The cluster checks of a service's latest cluster audit (drift included), shown like repository findings:
 * failures first, each with its evidence (cluster, namespace, kind, name, field) and its remediation guide.
 */
export function ClusterFindings({ findings }: { findings: ServiceCluster["findings"] }) {
  if (findings.length === 0) return null;
  const sorted = [...findings].sort((a, b) => (OUTCOME_ORDER[a.outcome] ?? 5) - (OUTCOME_ORDER[b.outcome] ?? 5) || b.weight - a.weight);
  return (
    <>
      <h3 className="mt-4 font-medium">Cluster checks</h3>
      <ul className="mt-1 space-y-2" data-testid="cluster-findings">
        {sorted.map((finding) => (
          <FindingCard
            key={finding.ruleId}
            finding={finding}
            title={findRule(finding.ruleId)?.title ?? finding.ruleId}
            guide={renderGuide({ ruleId: finding.ruleId, evidence: finding.evidence })}
          />
        ))}
      </ul>
    </>
  );
}
