import type { ServiceFinding } from "@/lib/services/get-service-detail";
import { FACTORS } from "@/lib/factors/factors";
import { findRule, getGuide } from "@/lib/rules/registry";
import type { Evidence } from "@/lib/rules/types";
import type { FindingCardData } from "@/components/service/finding-card";
import type { ShownEvidence } from "@/components/service/evidence-list";
import { FindingGroups, type FindingGroup } from "@/components/service/finding-groups";

const OUTCOME_ORDER: Record<string, number> = { fail: 0, error: 1, notAvailable: 2, pass: 3, notApplicable: 4 };

/**
 * A service's findings under their factors' headings, failures first and heaviest first within an outcome,
 * each with its check's title, where it was seen and, when its check has one, a "How to fix" that loads its
 * guide from the service `slug` when opened: a factor's findings from the repository and from the cluster,
 * in one list. The cards get their data ready-made (FindingCardData), never a guide.
 */
export function FindingList({ findings, slug }: { findings: readonly ServiceFinding[]; slug: string }) {
  const sorted = [...findings].sort((a, b) => (OUTCOME_ORDER[a.outcome] ?? 5) - (OUTCOME_ORDER[b.outcome] ?? 5) || b.weight - a.weight);
  const groups: FindingGroup[] = FACTORS.map((f) => ({
    id: f.id,
    heading: `${f.roman}. ${f.name}`,
    findings: sorted.filter((x) => x.factor === f.id).map(toCard),
  })).filter((g) => g.findings.length > 0);
  return <FindingGroups groups={groups} slug={slug} />;
}

function toCard(finding: ServiceFinding): FindingCardData {
  const failed = finding.outcome === "fail" || finding.outcome === "error";
  // Only what the card shows: a pass has no evidence or effort to show, and most findings are the repository's.
  return {
    ruleId: finding.ruleId,
    title: findRule(finding.ruleId)?.title ?? finding.ruleId,
    outcome: finding.outcome,
    message: finding.message,
    ...(failed ? { fix: { effort: finding.effort, weight: finding.weight } } : {}),
    ...(finding.origin === "cluster" ? { cluster: true as const } : {}),
    ...(failed && finding.evidence.length > 0 ? { evidence: finding.evidence.map(toShown) } : {}),
    ...(getGuide(finding.ruleId) === undefined ? { noGuide: true as const } : {}),
  };
}

function toShown(e: Evidence): ShownEvidence {
  if (e.type === "cluster") return { location: `${e.cluster}/${e.namespace ?? "-"}/${e.kind}/${e.name} · ${e.jsonPath}` };
  return { location: `${e.path}:${e.lineStart}${e.lineEnd > e.lineStart ? `-${e.lineEnd}` : ""}`, ...(e.url ? { url: e.url } : {}) };
}
