import Link from "next/link";
import type { Mover } from "@/lib/fleet/get-movers";
import { formatScore } from "@/components/ui/score-cell";

const signed = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1, signDisplay: "exceptZero" });

export interface MoverWindow {
  days: 7 | 30;
  worse: Mover[];
  better: Mover[];
}

/** The biggest score changes over each window, worse and better side by side: where to look and whom to thank. */
export function MoversPanel({ windows }: { windows: MoverWindow[] }) {
  return (
    <section
      aria-labelledby="movers-heading"
      className="rounded border border-slate-200 bg-white p-3 dark:border-slate-800 dark:bg-slate-900"
    >
      <h2 id="movers-heading" className="mb-2 font-semibold">
        Biggest movers
      </h2>
      <div className="grid gap-4 md:grid-cols-2">
        {windows.map((w) => (
          <div key={w.days} data-testid={`movers-${w.days}`}>
            <h3 className="mb-1 text-sm font-semibold">Last {w.days} days</h3>
            <div className="grid gap-3 sm:grid-cols-2">
              <MoverList title="Got worse" empty={`No service lost points in the last ${w.days} days.`} movers={w.worse} />
              <MoverList title="Got better" empty={`No service gained points in the last ${w.days} days.`} movers={w.better} />
            </div>
          </div>
        ))}
      </div>
    </section>
  );
}

function MoverList({ title, empty, movers }: { title: string; empty: string; movers: Mover[] }) {
  return (
    <div>
      <h4 className="text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-300">{title}</h4>
      {movers.length === 0 ? (
        <p className="text-sm text-slate-700 dark:text-slate-300">{empty}</p>
      ) : (
        <ol className="space-y-1 text-sm">
          {movers.map((m) => (
            <li key={m.slug} data-testid="mover">
              <Link href={`/services/${m.slug}`} className="text-sky-800 underline dark:text-sky-300">
                {m.name}
              </Link>{" "}
              <span className="tabular-nums">
                {formatScore(m.from)} → {formatScore(m.to)}{" "}
                <span className={m.delta < 0 ? "text-red-800 dark:text-red-300" : "text-emerald-800 dark:text-emerald-300"}>
                  ({signed.format(m.delta)})
                </span>
              </span>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
