import type { ServiceFinding } from "@/lib/services/get-service-detail";
import { renderGuide } from "@/lib/guides/render-guide";
import { findRule } from "@/lib/rules/registry";
import { FindingCard } from "@/components/service/finding-card";

const OUTCOME_ORDER: Record<string, number> = { fail: 0, error: 1, notAvailable: 2, pass: 3, notApplicable: 4 };

/**
 * Findings as cards, failures first and heaviest first within an outcome, each with its check's title and
 * its remediation guide in the code's language (the evidence file's, else the service's `languages`): a
 * factor's findings from the repository and from the cluster, in one list.
 */
export function FindingList({
  findings,
  languages,
  className,
  testId,
}: {
  findings: readonly ServiceFinding[];
  languages?: readonly string[];
  className?: string;
  testId?: string;
}) {
  const sorted = [...findings].sort((a, b) => (OUTCOME_ORDER[a.outcome] ?? 5) - (OUTCOME_ORDER[b.outcome] ?? 5) || b.weight - a.weight);
  return (
    <ul className={className ?? "space-y-2"} data-testid={testId}>
      {sorted.map((finding) => (
        <FindingCard
          key={`${finding.origin}-${finding.ruleId}`}
          finding={finding}
          title={findRule(finding.ruleId)?.title ?? finding.ruleId}
          guide={renderGuide({ ruleId: finding.ruleId, evidence: finding.evidence, languages })}
        />
      ))}
    </ul>
  );
}
