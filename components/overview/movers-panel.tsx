import Link from "next/link";
import type { Mover, MoverChanges } from "@/lib/fleet/get-movers";
import type { BreakdownMovers } from "@/lib/fleet/get-breakdown-movers";
import { findFactor } from "@/lib/factors/factors";
import { findRule } from "@/lib/rules/registry";
import { formatScore } from "@/components/ui/score-cell";

const signed = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1, signDisplay: "exceptZero" });

export interface MoverWindow {
  days: 7 | 30;
  worse: Mover[];
  better: Mover[];
  breakdown: BreakdownMovers;
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
            <Breakdown days={w.days} movers={w.breakdown} />
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
              {m.changes ? <MoverChangeLine changes={m.changes} /> : null}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

/** What moved a service: the commits compared and the checks that started failing or were fixed (three named each). */
function MoverChangeLine({ changes }: { changes: MoverChanges }) {
  const names = (ids: string[]) =>
    `${ids
      .slice(0, 3)
      .map((id) => findRule(id)?.title ?? id)
      .join("; ")}${ids.length > 3 ? ` and ${ids.length - 3} more` : ""}`;
  const parts = [
    changes.fromCommit && changes.toCommit && changes.fromCommit !== changes.toCommit
      ? `commit ${changes.fromCommit.slice(0, 7)} → ${changes.toCommit.slice(0, 7)}`
      : null,
    changes.started.length ? `now failing: ${names(changes.started)}` : null,
    changes.fixed.length ? `fixed: ${names(changes.fixed)}` : null,
  ].filter(Boolean);
  if (parts.length === 0) return null;
  return (
    <p className="text-xs text-slate-600 dark:text-slate-300" data-testid="mover-changes">
      {parts.join(" · ")}
    </p>
  );
}

type Line = { key: string; label: string; href: string; change: string; delta: number };

/**
 * What moved besides services over a window: teams (score), factors (fleet mean) and checks (how many services
 * fail them), each a link to where to look next; worse first, then better.
 */
function Breakdown({ days, movers }: { days: number; movers: BreakdownMovers }) {
  const lists: { title: string; testId: string; lines: Line[] }[] = [
    {
      title: "Teams",
      testId: `team-movers-${days}`,
      lines: [...movers.teams.worse, ...movers.teams.better].map((m) => ({
        key: m.slug,
        label: m.name,
        href: `/teams/${m.slug}`,
        change: `${formatScore(m.from)} → ${formatScore(m.to)}`,
        delta: m.delta,
      })),
    },
    {
      title: "Factors",
      testId: `factor-movers-${days}`,
      lines: [...movers.factors.worse, ...movers.factors.better].map((m) => ({
        key: m.factor,
        label: `${findFactor(m.factor)?.roman}. ${findFactor(m.factor)?.name}`,
        href: `/factors/${m.factor}`,
        change: `${formatScore(m.from)} → ${formatScore(m.to)}`,
        delta: m.delta,
      })),
    },
    {
      title: "Checks",
      testId: `check-movers-${days}`,
      lines: [...movers.checks.worse, ...movers.checks.better].map((m) => ({
        key: m.ruleId,
        label: findRule(m.ruleId)?.title ?? m.ruleId,
        href: `/?check=${encodeURIComponent(m.ruleId)}`,
        change: `failing in ${m.from} → ${m.to} services`,
        delta: m.delta,
      })),
    },
  ];
  return (
    <div className="mt-3 grid gap-3 sm:grid-cols-3">
      {lists.map((list) => (
        <div key={list.title} data-testid={list.testId}>
          <h4 className="text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-300">{list.title}</h4>
          {list.lines.length === 0 ? (
            <p className="text-sm text-slate-700 dark:text-slate-300">No change.</p>
          ) : (
            <ol className="space-y-1 text-sm">
              {list.lines.map((l) => (
                <li key={l.key}>
                  <Link href={l.href} className="text-sky-800 underline dark:text-sky-300">
                    {l.label}
                  </Link>{" "}
                  <span className="tabular-nums">
                    {l.change}{" "}
                    <span className={l.delta < 0 ? "text-red-800 dark:text-red-300" : "text-emerald-800 dark:text-emerald-300"}>
                      ({signed.format(l.delta)})
                    </span>
                  </span>
                </li>
              ))}
            </ol>
          )}
        </div>
      ))}
    </div>
  );
}
