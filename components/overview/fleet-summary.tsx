import Link from "next/link";
import { findFactor } from "@/lib/factors/factors";
import type { HeatmapRow } from "@/lib/heatmap/get-heatmap-rows";
import type { FailingFactor } from "@/lib/fleet/get-failing-factors";
import type { GradeKey } from "@/lib/fleet/get-grade-distribution";
import { GradeBadge } from "@/components/ui/grade-badge";
import { formatScore } from "@/components/ui/score-cell";

/** Grade distribution, the factors the fleet fails most, and the worst services: the manager's first glance. */
export function FleetSummary({
  grades,
  failing,
  worst,
}: {
  grades: Record<GradeKey, number>;
  failing: FailingFactor[];
  worst: HeatmapRow[];
}) {
  return (
    <div className="grid gap-4 md:grid-cols-3">
      <section
        aria-labelledby="grades-heading"
        className="rounded border border-slate-200 bg-white p-3 dark:border-slate-800 dark:bg-slate-900"
      >
        <h2 id="grades-heading" className="mb-2 font-semibold">
          Grades
        </h2>
        <ul className="flex flex-wrap gap-3 text-sm" data-testid="grade-distribution">
          {(Object.entries(grades) as [GradeKey, number][]).map(([grade, count]) => (
            <li key={grade} className="flex items-center gap-1">
              <GradeBadge grade={grade} /> <span className="tabular-nums">{count}</span>
            </li>
          ))}
        </ul>
      </section>
      <section
        aria-labelledby="failing-heading"
        className="rounded border border-slate-200 bg-white p-3 dark:border-slate-800 dark:bg-slate-900"
      >
        <h2 id="failing-heading" className="mb-2 font-semibold">
          Most failed factors
        </h2>
        <ol className="space-y-1 text-sm">
          {failing.map((f) => (
            <li key={f.factor}>
              <Link href={`/factors/${f.factor}`} className="text-sky-800 underline dark:text-sky-300">
                {findFactor(f.factor)?.roman}. {findFactor(f.factor)?.name}
              </Link>{" "}
              <span className="tabular-nums">
                {f.failingServices} services · mean {formatScore(f.meanScore)}
              </span>
            </li>
          ))}
        </ol>
      </section>
      <section
        aria-labelledby="worst-heading"
        className="rounded border border-slate-200 bg-white p-3 dark:border-slate-800 dark:bg-slate-900"
      >
        <h2 id="worst-heading" className="mb-2 font-semibold">
          Worst services
        </h2>
        <ol className="space-y-1 text-sm" data-testid="worst-services">
          {worst.map((s) => (
            <li key={s.slug} className="flex items-center gap-2">
              <Link href={`/services/${s.slug}`} className="text-sky-800 underline dark:text-sky-300">
                {s.name}
              </Link>
              <span className="tabular-nums">{formatScore(s.score)}</span> <GradeBadge grade={s.grade} />
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
