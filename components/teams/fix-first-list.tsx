import Link from "next/link";
import { findFactor } from "@/lib/factors/factors";
import type { FixFirstItem } from "@/lib/scoring/rank-fix-first";

const count = new Intl.NumberFormat("en");

/**
 * Ranked failing checks: what to fix first for the most score per unit of effort. With `failingHref`, each
 * item leads on: its title to the check on its factor's page (what it asks and why), its services to the
 * heatmap of the services failing it (each with its finding and its guide in the service's language).
 */
export function FixFirstList({
  items,
  titleOf,
  failingHref,
}: {
  items: FixFirstItem[];
  titleOf: (ruleId: string) => string;
  failingHref?: (item: FixFirstItem) => string;
}) {
  if (items.length === 0) return <p className="text-sm text-slate-600 dark:text-slate-300">Nothing fails. Keep it that way.</p>;
  return (
    <ol className="space-y-2" data-testid="fix-first">
      {items.map((item) => {
        // A team-wide check can fail in hundreds of services: name a few, count the rest.
        const more = item.serviceCount - item.services.length;
        return (
          <li key={item.ruleId} className="rounded border border-slate-200 bg-white p-2 text-sm dark:border-slate-800 dark:bg-slate-900">
            {failingHref ? (
              <Link href={`/factors/${item.factor}#check-${item.ruleId}`} className="font-medium text-sky-800 underline dark:text-sky-300">
                {titleOf(item.ruleId)}
              </Link>
            ) : (
              <span className="font-medium">{titleOf(item.ruleId)}</span>
            )}{" "}
            <span className="text-xs text-slate-600 dark:text-slate-300">
              {findFactor(item.factor)?.roman}. {findFactor(item.factor)?.name} · effort {item.effort} · weight {item.weight} ·{" "}
              <span data-testid="fix-first-services">
                {count.format(item.serviceCount)} service{item.serviceCount === 1 ? "" : "s"}: {item.services.join(", ")}
                {more > 0 ? ` and ${count.format(more)} more` : ""}
              </span>
              {failingHref ? (
                <>
                  {" · "}
                  <Link href={failingHref(item)} className="text-sky-800 underline dark:text-sky-300" data-testid="fix-first-failing">
                    {item.serviceCount === 1 ? "see it" : `see all ${count.format(item.serviceCount)}`} in the heatmap
                  </Link>
                </>
              ) : null}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
