import type { ServiceFinding } from "@/lib/services/judge-latest-findings";
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
export function FindingList({ findings, slug, canExempt }: { findings: readonly ServiceFinding[]; slug: string; canExempt?: boolean }) {
  const sorted = [...findings].sort((a, b) => (OUTCOME_ORDER[a.outcome] ?? 5) - (OUTCOME_ORDER[b.outcome] ?? 5) || b.weight - a.weight);
  const counted = sorted.filter((x) => !x.exemption);
  const groups: FindingGroup[] = FACTORS.map((f) => ({
    id: f.id,
    heading: `${f.roman}. ${f.name}`,
    findings: counted.filter((x) => x.factor === f.id).map(toCard),
  })).filter((g) => g.findings.length > 0);
  // Exempt failures apart, after the ones that count: shown with their exemption, never mixed in.
  const exempt = sorted.filter((x) => x.exemption).map(toCard);
  if (exempt.length > 0) groups.push({ id: "exempt", heading: "Exempt (not counted in the score)", findings: exempt });
  return <FindingGroups groups={groups} slug={slug} canExempt={canExempt} />;
}

/** How many places a card lists with their lines; it says how many more there are. */
const CARD_PLACES = 5;

function toCard(finding: ServiceFinding): FindingCardData {
  const e = finding.exemption;
  const failed = finding.outcome === "fail" || finding.outcome === "error";
  // Only what the card shows: a pass has no evidence or effort to show, and most findings are the repository's.
  return {
    ruleId: finding.ruleId,
    title: findRule(finding.ruleId)?.title ?? finding.ruleId,
    outcome: finding.outcome,
    message: finding.message,
    ...(failed ? { fix: { effort: finding.effort, weight: finding.weight } } : {}),
    ...(finding.origin === "cluster" ? { cluster: true as const } : {}),
    // A finding seen in one place shows its lines in the guide's "Where" when opened; seen in several, the guide
    // could show only the first, so every place's lines are in the card.
    // At most CARD_PLACES places, as the CLI's text shows them; the API has every one.
    ...(failed && finding.evidence.length > 0
      ? {
          evidence: finding.evidence.slice(0, CARD_PLACES).map((e) => toShown(e, finding.evidence.length > 1)),
          ...(finding.evidence.length > CARD_PLACES ? { morePlaces: finding.evidence.length - CARD_PLACES } : {}),
        }
      : {}),
    ...(getGuide(finding.ruleId) === undefined ? { noGuide: true as const } : {}),
    ...(finding.outcome === "fail" && !e ? { fingerprint: finding.fingerprint } : {}),
    ...(e
      ? {
          exemption: {
            id: e.id,
            kind: e.kind,
            reason: e.reason,
            by: e.approvedBy && e.approvedBy !== e.requestedBy ? `${e.requestedBy}, approved by ${e.approvedBy}` : e.requestedBy,
            ...(e.expiresAt ? { expires: lastDay(e.expiresAt) } : {}),
            ...(e.origin === "code" ? { code: true as const } : {}),
            ...(e.scope === "team" || e.scope === "source" ? { wide: e.scope } : {}),
          },
        }
      : {}),
  };
}

function toShown(e: Evidence, withSnippet: boolean): ShownEvidence {
  const snippet = withSnippet && e.snippet ? { snippet: e.snippet } : {};
  if (e.type === "cluster") return { location: `${e.cluster}/${e.namespace ?? "-"}/${e.kind}/${e.name} · ${e.jsonPath}`, ...snippet };
  return {
    location: `${e.path}:${e.lineStart}${e.lineEnd > e.lineStart ? `-${e.lineEnd}` : ""}`,
    ...(e.url ? { url: e.url } : {}),
    ...snippet,
  };
}

/** The last day an exemption holds, as it was asked for: one expiring at midnight UTC held through the day before. */
function lastDay(expiresAt: Date): string {
  return new Date(expiresAt.getTime() - 1).toISOString().slice(0, 10);
}
