import type { ServiceFinding } from "@/lib/services/get-service-detail";
import { EvidenceList } from "@/components/service/evidence-list";
import { RemediationGuide } from "@/components/service/remediation-guide";

const OUTCOME_LABEL: Record<string, string> = {
  pass: "Pass",
  fail: "Fail",
  notApplicable: "Not applicable",
  notAvailable: "Not available",
  error: "Error",
};

/** One check's result; failures open with evidence and the guide, passes stay one line. */
export function FindingCard({ finding, title, guide }: { finding: ServiceFinding; title: string; guide: string | null }) {
  const failed = finding.outcome === "fail" || finding.outcome === "error";
  return (
    <li
      className={`rounded border p-3 ${failed ? "border-red-200 bg-white dark:border-red-900 dark:bg-slate-900" : "border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900"}`}
      data-testid="finding"
      data-outcome={finding.outcome}
      data-rule={finding.ruleId}
    >
      <div className="flex flex-wrap items-baseline gap-2">
        <span
          className={`rounded px-1.5 text-xs font-semibold ${failed ? "bg-red-100 text-red-900 dark:bg-red-900 dark:text-red-100" : "bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-200"}`}
        >
          {OUTCOME_LABEL[finding.outcome] ?? finding.outcome}
        </span>
        <h3 className="font-medium">{title}</h3>
        <code className="text-xs text-slate-500 dark:text-slate-400">{finding.ruleId}</code>
        <span
          className="rounded border border-slate-300 px-1 text-xs text-slate-600 dark:border-slate-700 dark:text-slate-300"
          data-testid="finding-origin"
        >
          {finding.origin === "cluster" ? "seen in the cluster" : "seen in the repository"}
        </span>
        <span className="ml-auto text-xs text-slate-600 dark:text-slate-300">
          effort {finding.effort} · weight {finding.weight}
        </span>
      </div>
      <p className="mt-1 text-sm wrap-break-word text-slate-700 dark:text-slate-300">{finding.message}</p>
      {failed ? <EvidenceList evidence={finding.evidence} /> : null}
      {failed && guide ? (
        <details className="mt-2">
          <summary className="cursor-pointer text-sm font-medium text-sky-800 dark:text-sky-300">How to fix</summary>
          <RemediationGuide markdown={guide} />
        </details>
      ) : null}
    </li>
  );
}
