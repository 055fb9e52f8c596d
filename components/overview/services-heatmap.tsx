import Link from "next/link";
import { FACTORS } from "@/lib/factors/factors";
import type { OverviewService } from "@/lib/services/get-fleet-overview";
import { GradeBadge } from "@/components/ui/grade-badge";
import { ScoreCell, formatScore } from "@/components/ui/score-cell";

/** Services × factors: one row per service, worst first, each cell the factor's latest score. */
export function ServicesHeatmap({ services }: { services: OverviewService[] }) {
  return (
    <div className="overflow-x-auto rounded border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      <table className="w-full border-collapse text-sm">
        <caption className="sr-only">Services and their factor scores, worst first</caption>
        <thead>
          <tr className="text-left text-xs text-slate-600 dark:text-slate-300">
            <th scope="col" className="px-3 py-2">Service</th>
            <th scope="col" className="px-2 py-2">Team</th>
            <th scope="col" className="px-2 py-2 text-right">Score</th>
            <th scope="col" className="px-2 py-2">Grade</th>
            {FACTORS.map((f) => (
              <th key={f.id} scope="col" className="px-1 py-2 text-center" title={f.name}>
                <Link href={`/factors/${f.id}`} className="hover:underline" aria-label={`${f.roman}. ${f.name}`}>
                  <abbr title={f.name} className="no-underline">{f.roman}</abbr>
                </Link>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {services.map((s) => (
            <tr key={s.slug} className="border-t border-slate-100 dark:border-slate-800" data-testid="service-row">
              <th scope="row" className="px-3 py-1.5 text-left font-medium">
                <Link href={`/services/${s.slug}`} className="text-sky-800 hover:underline dark:text-sky-300">
                  {s.name}
                </Link>
              </th>
              <td className="px-2 py-1.5 text-slate-600 dark:text-slate-300">{s.team ?? "—"}</td>
              <td className="px-2 py-1.5 text-right tabular-nums" data-testid="service-score">{formatScore(s.score)}</td>
              <td className="px-2 py-1.5"><GradeBadge grade={s.grade} /></td>
              {FACTORS.map((f) => (
                <ScoreCell key={f.id} score={s.factors[f.id]} label={`${s.name} ${f.name}`} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
