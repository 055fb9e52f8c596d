import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { FACTORS } from "@/lib/factors/factors";
import { findRule } from "@/lib/rules/registry";
import { getTeamPage, TEAM_FACTOR_CHANGE_DAYS } from "@/lib/teams/get-team-page";
import { allows } from "@/lib/auth/principal";
import { readPagePrincipal } from "@/lib/auth/read-page-principal";
import { listChannels } from "@/lib/notifications/list-channels";
import { listDeliveries } from "@/lib/notifications/list-deliveries";
import { NotificationsSection } from "@/components/teams/notifications-section";
import { ScoreTrendChart } from "@/components/charts/score-trend-chart";
import { ServicesHeatmap } from "@/components/overview/services-heatmap";
import { FixFirstList } from "@/components/teams/fix-first-list";
import { formatScore, scoreTone } from "@/components/ui/score-cell";
import { CsvLink } from "@/components/ui/csv-link";
import { ExemptionCount } from "@/components/exemptions/exemption-count";
import { countExemptions } from "@/lib/exemptions/count-exemptions";
import { GradeBadge } from "@/components/ui/grade-badge";
import { PageSkeleton } from "@/components/ui/page-skeleton";
import type { GradeKey } from "@/lib/fleet/get-grade-distribution";

export const dynamic = "force-dynamic";

const count = new Intl.NumberFormat("en");
const signed = new Intl.NumberFormat("en", { maximumFractionDigits: 1, signDisplay: "exceptZero" });

type Props = { params: Promise<{ team: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await params).team };
}

export default async function TeamPage({ params }: Props) {
  const slug = (await params).team;
  const card = await getTeamPage({ slug });
  if (!card) notFound();
  const titleOf = (id: string) => findRule(id)?.title ?? id;
  const exemptions = await countExemptions({ team: slug });
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold">{card.team.name}</h1>
        <p className="text-sm">
          Team score <span className="text-xl font-semibold tabular-nums">{formatScore(card.score)}</span> ·{" "}
          {count.format(card.serviceCount)} services
          {card.rank ? (
            <>
              {" · "}
              <span data-testid="team-rank">
                rank {card.rank.rank} of {card.rank.of} teams
              </span>
            </>
          ) : null}
          {" · "}
          <span data-testid="team-fleet-score">fleet average {formatScore(card.fleetScore)}</span>
          {exemptions.active + exemptions.pending > 0 ? " · " : null}
          <ExemptionCount counts={exemptions} />
        </p>
      </div>
      <div className="flex flex-wrap items-center gap-2 text-sm" data-testid="team-grades">
        <span className="text-slate-600 dark:text-slate-300">Grades</span>
        {(Object.entries(card.grades) as [GradeKey, number][])
          .filter(([, n]) => n > 0)
          .map(([grade, n]) => (
            <span key={grade} className="flex items-center gap-1">
              <GradeBadge grade={grade} /> <span className="tabular-nums">{count.format(n)}</span>
            </span>
          ))}
      </div>
      <section aria-labelledby="team-trend-heading" data-testid="team-trend">
        <h2 id="team-trend-heading" className="mb-2 text-lg font-semibold">
          Score trend
        </h2>
        <ScoreTrendChart label={`${card.team.name} score`} points={card.trend} />
      </section>
      <section aria-labelledby="fix-first-heading">
        <h2 id="fix-first-heading" className="mb-2 text-lg font-semibold">
          Fix first
        </h2>
        <FixFirstList
          items={card.fixFirst}
          titleOf={titleOf}
          failingHref={(item) => `/?team=${encodeURIComponent(card.team.slug)}&check=${encodeURIComponent(item.ruleId)}`}
        />
      </section>
      <section aria-labelledby="team-factors-heading">
        <h2 id="team-factors-heading" className="mb-2 text-lg font-semibold">
          Factors
        </h2>
        {/* Each tile leads to the team's services that fail the factor; its change is over TEAM_FACTOR_CHANGE_DAYS. */}
        <ul className="grid grid-cols-3 gap-2 sm:grid-cols-5 lg:grid-cols-8">
          {card.factors.map((f) => {
            const factor = FACTORS.find((x) => x.id === f.factor)!;
            return (
              <li key={f.factor} className={`rounded text-xs ${scoreTone(f.score)}`} data-testid="team-factor">
                <Link href={`/?team=${encodeURIComponent(card.team.slug)}&factor=${f.factor}`} className="block p-2 hover:underline">
                  <span className="font-semibold">{factor.roman}</span> {factor.name}
                  <span className="block text-base font-semibold tabular-nums">{formatScore(f.score)}</span>
                  {f.change !== null && f.change !== 0 ? (
                    <span className="block tabular-nums" data-testid="team-factor-change">
                      {signed.format(f.change)} in {TEAM_FACTOR_CHANGE_DAYS} days
                    </span>
                  ) : null}
                </Link>
              </li>
            );
          })}
        </ul>
      </section>
      <section aria-labelledby="team-services-heading">
        <div className="mb-2 flex items-baseline justify-between">
          <h2 id="team-services-heading" className="text-lg font-semibold">
            Services
          </h2>
          <span className="flex gap-3">
            <CsvLink table="services" params={{ team: card.team.slug }} />
            <CsvLink table="findings" params={{ team: card.team.slug }} label="Export findings CSV" />
          </span>
        </div>
        <ServicesHeatmap services={card.services} />
        {card.serviceCount > card.services.length ? (
          <p className="mt-2 text-sm text-slate-700 dark:text-slate-300">
            The {count.format(card.services.length)} worst of {count.format(card.serviceCount)} services;{" "}
            <Link href={`/?team=${encodeURIComponent(card.team.slug)}`} className="text-sky-800 underline dark:text-sky-300">
              page through all of them
            </Link>
            .
          </p>
        ) : null}
      </section>
      {/* Below the fold: the headline, trend, fix-first list and services paint without waiting for it. */}
      <Suspense fallback={<PageSkeleton label="the team's notifications" blocks={["h-40"]} />}>
        <TeamNotifications team={card.team.slug} />
      </Suspense>
    </div>
  );
}

/** The team's channels and delivery log, and whether the reader may manage them: streamed after the rest. */
async function TeamNotifications({ team }: { team: string }) {
  const [channels, deliveries, principal] = await Promise.all([
    listChannels({ team }),
    listDeliveries({ team, limit: 20 }),
    readPagePrincipal(),
  ]);
  const canManage = principal !== null && allows(principal, "maintainer", { team });
  return <NotificationsSection team={team} channels={channels} deliveries={deliveries} canManage={canManage} />;
}
