import { EvidenceList, type ShownEvidence } from "@/components/service/evidence-list";
import { FindingGuide } from "@/components/service/finding-guide";

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
  /** A custom check has no guide. */
  noGuide?: true;
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
export function FindingCard({ finding, slug }: { finding: FindingCardData; slug: string }) {
  const failed = finding.outcome === "fail" || finding.outcome === "error";
  return (
    <li data-testid="finding" data-outcome={finding.outcome} data-rule={finding.ruleId}>
      <div>
        <strong>{OUTCOME_LABEL[finding.outcome] ?? finding.outcome}</strong>
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
      {finding.evidence ? <EvidenceList evidence={finding.evidence} /> : null}
      {failed && !finding.noGuide ? (
        <FindingGuide slug={slug} ruleId={finding.ruleId} origin={finding.cluster ? "cluster" : "repository"} />
      ) : null}
    </li>
  );
}
