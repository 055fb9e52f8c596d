import type { ReactNode } from "react";

/** One term and its value in a `<dl>` of facts (a source card, a scan's header). */
export function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-xs text-slate-600 dark:text-slate-300">{term}</dt>
      <dd className="mt-0.5">{children}</dd>
    </div>
  );
}
