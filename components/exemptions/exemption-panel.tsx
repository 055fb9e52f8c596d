import { CsvLink } from "@/components/ui/csv-link";
import { DecideExemptionButton } from "@/components/exemptions/decide-exemption-button";
import { ExemptionCount } from "@/components/exemptions/exemption-count";
import type { ExemptionCounts } from "@/lib/exemptions/count-exemptions";
import type { ExemptionChange } from "@/lib/exemptions/list-exemption-history";
import type { ExemptionSummary } from "@/lib/exemptions/list-exemptions";

const day = (d: Date) => d.toISOString().slice(0, 10);

/**
 * A service's exemptions: how many are in force and expire this week, those waiting for an admin (with Approve
 * for admins), and every change to them from the audit log (who, when, what, why), exportable as CSV.
 */
export function ExemptionPanel(props: {
  slug: string;
  counts: ExemptionCounts;
  pending: readonly ExemptionSummary[];
  history: readonly ExemptionChange[];
  canApprove: boolean;
  /** Exemptions its code declares that could not be applied. */
  problems: readonly string[];
}) {
  if (props.history.length === 0 && props.problems.length === 0) return null;
  return (
    <section aria-labelledby="exemptions-heading" className="space-y-2" data-testid="exemptions">
      <div className="flex items-baseline justify-between gap-2">
        <h2 id="exemptions-heading" className="text-lg font-semibold">
          Exemptions
        </h2>
        <CsvLink table="exemptions" params={{ service: props.slug }} />
      </div>
      <p className="text-sm">
        <ExemptionCount counts={props.counts} /> {props.counts.active + props.counts.pending === 0 ? "None in force." : null}
      </p>
      {props.pending.length > 0 ? (
        <ul className="space-y-1 text-sm" aria-label="Waiting for approval">
          {props.pending.map((e) => (
            <li key={e.id} className="flex flex-wrap items-center gap-2">
              <span>
                <code>{e.checkId}</code> {e.kind.replace("-", " ")}: “{e.reason}” — asked by {e.requestedBy}
                {e.expiresAt ? `, until ${day(new Date(e.expiresAt.getTime() - 1))}` : ""}
              </span>
              {props.canApprove ? (
                <DecideExemptionButton id={e.id} decision="approve" label={`Approve the exemption of ${e.checkId}`} />
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {props.problems.length > 0 ? (
        <div className="text-sm" data-testid="exemption-problems">
          <p className="font-medium">Declared in code but not applied:</p>
          <ul className="list-disc pl-5">
            {props.problems.map((p) => (
              <li key={p} className="wrap-break-word">
                {p}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <details>
        <summary className="cursor-pointer text-sm font-medium text-sky-800 dark:text-sky-300">History ({props.history.length})</summary>
        <ol className="mt-2 space-y-1 text-sm" data-testid="exemption-history">
          {props.history.map((h, i) => (
            <li key={i} className="wrap-break-word">
              <time dateTime={h.at.toISOString()}>{h.at.toISOString().slice(0, 16).replace("T", " ")}</time> · {h.actor} · {h.action}{" "}
              <code>{h.checkId}</code> ({h.kind.replace("-", " ")}) “{h.why ?? h.reason}”
            </li>
          ))}
        </ol>
      </details>
    </section>
  );
}
