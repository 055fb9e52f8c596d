import { EvidenceList, type ShownEvidence } from "@/components/service/evidence-list";
import { FindingGuide } from "@/components/service/finding-guide";
import { ExemptionForm } from "@/components/service/exemption-form";
import { DecideExemptionButton } from "@/components/exemptions/decide-exemption-button";

/** The exemption that keeps a failure out of the score, as its card shows it. */
export interface CardExemption {
  id: number;
  kind: string;
  reason: string;
  /** YYYY-MM-DD; absent: no expiry. */
  expires?: string;
  by: string;
  /** Declared in code (dozen.yaml, an annotation): changed there, not here. */
  code?: true;
  /** For the whole team or source, not this service alone. */
  wide?: string;
}

/** A finding as its card shows it: everything worked out on the server, so the page carries data, not markup. */
export interface FindingCardData {
  ruleId: string;
  title: string;
  outcome: string;
  message: string;
  /** Effort and weight of fixing it: failures only. */
  fix?: { effort: string; weight: number };
  /** Seen in the cluster; otherwise in the repository. */
  cluster?: true;
  /** Where a failure was seen. */
  evidence?: ShownEvidence[];
  /** Places beyond the ones listed (the API has every one). */
  morePlaces?: number;
  /** A custom check has no guide. */
  noGuide?: true;
  /** A failure's fingerprint, for an exemption of this one finding. */
  fingerprint?: string;
  /** Set when an exemption keeps this failure out of the score. */
  exemption?: CardExemption;
}

const OUTCOME_LABEL: Record<string, string> = {
  pass: "Pass",
  fail: "Fail",
  notApplicable: "Not applicable",
  notAvailable: "Not available",
  error: "Error",
};

/**
 * One check's result; failures open with where they were seen and a closed "How to fix" that loads the guide
 * when opened (from the service `slug`), passes stay one line. A finding from the cluster says so; the rest
 * come from the repository. Styled by the `.findings` rules of globals.css, keyed on `data-outcome`: a page
 * of sixty cards repeats short markup and data, not long utility lists.
 */
export function FindingCard({ finding, slug, canExempt }: { finding: FindingCardData; slug: string; canExempt?: boolean }) {
  const failed = finding.outcome === "fail" || finding.outcome === "error";
  const { exemption } = finding;
  const id = `${finding.cluster ? "c" : "r"}-${finding.ruleId}`;
  return (
    <li data-testid="finding" data-outcome={exemption ? "exempt" : finding.outcome} data-rule={finding.ruleId}>
      <div>
        <strong>{exemption ? "Exempt" : (OUTCOME_LABEL[finding.outcome] ?? finding.outcome)}</strong>
        <h3>{finding.title}</h3>
        <code>{finding.ruleId}</code>
        {finding.cluster ? (
          <span className="origin" data-testid="finding-origin">
            seen in the cluster
          </span>
        ) : null}
        {finding.fix ? <small>{`effort ${finding.fix.effort} · weight ${finding.fix.weight}`}</small> : null}
      </div>
      <p>{finding.message}</p>
      {exemption ? (
        <p data-testid="exemption">
          {`${exemption.kind.replace("-", " ")}: “${exemption.reason}” — ${exemption.by}, ${exemption.expires ? `until ${exemption.expires}` : "no expiry"}`}
          {exemption.wide ? ` (for the whole ${exemption.wide})` : ""}
          {exemption.code ? " · declared in code" : ""}{" "}
          {canExempt && !exemption.code && !exemption.wide ? (
            <DecideExemptionButton id={exemption.id} decision="revoke" label={`Revoke the exemption of ${finding.ruleId}`} />
          ) : null}
        </p>
      ) : null}
      {finding.evidence ? <EvidenceList evidence={finding.evidence} more={finding.morePlaces} /> : null}
      {canExempt && !exemption && finding.outcome === "fail" && finding.fingerprint ? (
        <ExemptionForm slug={slug} checkId={finding.ruleId} fingerprint={finding.fingerprint} id={id} />
      ) : null}
      {failed && !finding.noGuide ? (
        <FindingGuide slug={slug} ruleId={finding.ruleId} origin={finding.cluster ? "cluster" : "repository"} />
      ) : null}
    </li>
  );
}
