import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ScoreTrendChart } from "@/components/charts/score-trend-chart";
import { CloseInitiativeButton } from "@/components/initiatives/close-initiative-button";
import { ProgressBar, StateBadge } from "@/components/initiatives/initiative-progress";
import { formatDeadline } from "@/components/initiatives/initiative-list-item";
import { BackLink } from "@/components/ui/back-link";
import { allows } from "@/lib/auth/principal";
import { readPagePrincipal } from "@/lib/auth/read-page-principal";
import { getInitiativePage } from "@/lib/initiatives/get-initiative-page";
import { plural } from "@/lib/text/plural";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Initiative ${(await params).slug}` };
}

/** One titled part of the page, named by its heading. */
function Section({ id, title, count, children }: { id: string; title: string; count?: number; children: React.ReactNode }) {
  return (
    <section aria-labelledby={`${id}-heading`} className="space-y-2">
      <h2 id={`${id}-heading`} className="text-lg font-semibold">
        {title}
        {count === undefined ? null : <span className="text-sm font-normal text-slate-600 dark:text-slate-300"> ({count})</span>}
      </h2>
      {children}
    </section>
  );
}

/** A table's column headings. */
function HeaderRow({ labels }: { labels: string[] }) {
  return (
    <thead>
      <tr>
        {labels.map((h) => (
          <th key={h} scope="col" className="py-1 pr-3 text-left text-xs text-slate-600 uppercase dark:text-slate-300">
            {h}
          </th>
        ))}
      </tr>
    </thead>
  );
}

/**
 * One initiative: where it stands, its progress over time, each team's part (and who is late or projected
 * to miss the deadline), and the services still to fix. Everything from its rollups (getInitiativePage).
 */
export default async function InitiativePage({ params }: Props) {
  const { slug } = await params;
  const [page, principal] = await Promise.all([getInitiativePage({ slug }), readPagePrincipal()]);
  if (!page) notFound();
  const { summary: i, teams, late, left, leftCount, history } = page;
  const admin = principal !== null && allows(principal, "admin");
  const points = history.map((h) => ({ day: h.day, score: h.services === 0 ? null : Math.round((h.met / h.services) * 1000) / 10 }));
  return (
    <div className="space-y-6">
      <BackLink href="/initiatives" label="Initiatives" />
      <div className="space-y-2">
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-semibold">{i.name}</h1>
          <StateBadge state={i.state} />
        </div>
        <p className="text-sm text-slate-700 dark:text-slate-300" data-testid="initiative-goal">
          Goal: <strong>{i.goalText}</strong> for {i.scopeText}, {formatDeadline(i.startsOn)} → {formatDeadline(i.deadline)} · owner{" "}
          {i.owner}
        </p>
        {i.description ? <p className="max-w-3xl text-sm whitespace-pre-line">{i.description}</p> : null}
        {admin ? (
          <div className="flex flex-wrap items-center gap-3">
            <Link
              href={`/initiatives/${i.slug}/edit`}
              className="rounded border border-slate-400 px-2 py-1 text-sm hover:bg-slate-100 dark:hover:bg-slate-800"
            >
              Edit
            </Link>
            <CloseInitiativeButton slug={i.slug} closed={i.closed} />
          </div>
        ) : null}
      </div>
      <Section id="progress" title="Progress">
        <ProgressBar met={i.met} services={i.services} label={`${i.name}: progress`} />
        <ScoreTrendChart label="Share of services meeting the goal (%)" points={points} />
      </Section>
      <Section id="late" title="Who is late">
        {late.length === 0 ? (
          <p className="text-sm">{i.closed ? "The initiative is closed." : "No team is late or projected to miss the deadline."}</p>
        ) : (
          <ul className="space-y-1 text-sm" data-testid="late-teams">
            {late.map((t) => (
              <li key={t.slug ?? "unowned"} className="flex flex-wrap items-center gap-2">
                {t.slug ? (
                  <Link href={`/teams/${t.slug}`} className="text-sky-800 underline dark:text-sky-300">
                    {t.name}
                  </Link>
                ) : (
                  <span>{t.name}</span>
                )}
                <StateBadge state={t.state} />
                <span className="text-slate-700 dark:text-slate-300">
                  {t.services - t.met} of {plural(t.services, "service")} left
                  {t.state === "late" ? " after the deadline" : ", behind the pace the deadline needs"}
                </span>
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section id="teams" title="By team">
        {teams.length === 0 ? (
          <p className="text-sm">No service in scope has been judged yet: progress appears after the next scan.</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-sm">
              <HeaderRow labels={["Team", "Meeting the goal", "State"]} />
              <tbody>
                {teams.map((t) => (
                  <tr key={t.slug ?? "unowned"} data-testid="initiative-team" className="border-t border-slate-200 dark:border-slate-800">
                    <th scope="row" className="py-2 pr-3 text-left font-medium">
                      {t.slug ? (
                        <Link href={`/teams/${t.slug}`} className="text-sky-800 underline dark:text-sky-300">
                          {t.name}
                        </Link>
                      ) : (
                        t.name
                      )}
                    </th>
                    <td className="min-w-40 py-2 pr-3">
                      <ProgressBar met={t.met} services={t.services} label={`${t.name}: progress`} />
                    </td>
                    <td className="py-2 pr-3">
                      <StateBadge state={t.state} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Section>
      <Section id="left" title="What is left" count={leftCount}>
        {leftCount === 0 ? (
          <p className="text-sm">Every service in scope meets the goal.</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-sm">
              <HeaderRow labels={["Service", "Team", i.goal.kind === "check" ? "" : "Now"].filter(Boolean)} />
              <tbody>
                {left.map((s) => (
                  <tr key={s.slug} data-testid="initiative-left" className="border-t border-slate-200 dark:border-slate-800">
                    <th scope="row" className="py-1.5 pr-3 text-left font-normal">
                      <Link href={`/services/${s.slug}`} className="text-sky-800 underline dark:text-sky-300">
                        {s.name}
                      </Link>
                    </th>
                    <td className="py-1.5 pr-3">{s.team ?? "Unowned"}</td>
                    {i.goal.kind === "check" ? null : (
                      <td className="py-1.5 pr-3 tabular-nums">{s.value === null ? "–" : s.value.toFixed(1)}</td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
            {leftCount > left.length ? (
              <p className="mt-2 text-sm">
                and {leftCount - left.length} more (the API lists the first {left.length} too).
              </p>
            ) : null}
          </div>
        )}
      </Section>
    </div>
  );
}
