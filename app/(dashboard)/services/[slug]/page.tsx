import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { allows } from "@/lib/auth/principal";
import { readPagePrincipal } from "@/lib/auth/read-page-principal";
import { FACTORS } from "@/lib/factors/factors";
import { getServiceDetail } from "@/lib/services/get-service-detail";
import { findRule } from "@/lib/rules/registry";
import { FindingList } from "@/components/service/finding-list";
import { GradeBadge } from "@/components/ui/grade-badge";
import { ScoreTrendChart } from "@/components/charts/score-trend-chart";
import { CsvLink } from "@/components/ui/csv-link";
import { OwnerForm } from "@/components/service/owner-form";
import { listTeamNames } from "@/lib/teams/list-team-names";
import { DeployedByList } from "@/components/service/deployed-by";
import { SERVICE_KIND_LABEL, isServiceKind } from "@/lib/facts/service-kinds";
import { ClusterDrift } from "@/components/service/cluster-drift";
import { getServiceCluster } from "@/lib/services/get-service-cluster";
import { FixFirstList } from "@/components/teams/fix-first-list";
import { rankFixFirst } from "@/lib/scoring/rank-fix-first";
import { formatScore, scoreTone } from "@/components/ui/score-cell";
import { PageSkeleton } from "@/components/ui/page-skeleton";
import { ExemptionPanel } from "@/components/exemptions/exemption-panel";
import { ExemptionCount } from "@/components/exemptions/exemption-count";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await params).slug };
}

export default async function ServicePage({ params }: Props) {
  const service = await getServiceDetail({ slug: (await params).slug });
  if (!service) notFound();
  const scores = new Map(service.factorScores.map((f) => [f.factor, f]));
  const principal = await readPagePrincipal();
  const { exemptionCounts: counts, pendingExemptions: pending, exemptionHistory: history } = service;
  const canOwn = Boolean(principal && allows(principal, "maintainer", { team: service.team?.slug ?? null }));
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{service.name}</h1>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">
          {service.source.name}:{service.path}
          {service.commit ? (
            <>
              {" "}
              · commit <code>{service.commit.slice(0, 7)}</code>
            </>
          ) : null}
          {service.languages.length ? <> · {service.languages.join(", ")}</> : null}
          {isServiceKind(service.kind) ? (
            <>
              {" "}
              · <span data-testid="service-kind">{SERVICE_KIND_LABEL[service.kind]}</span>
            </>
          ) : null}
          {service.tier !== null ? (
            <>
              {" "}
              · <strong data-testid="service-tier">Tier {service.tier}</strong>
            </>
          ) : null}
        </p>
        {service.tierProblems.length > 0 ? (
          <ul className="mt-1 list-disc pl-5 text-sm text-amber-900 dark:text-amber-200" data-testid="tier-problems">
            {service.tierProblems.map((p) => (
              <li key={p} className="wrap-break-word">
                {p}
              </li>
            ))}
          </ul>
        ) : null}
        <div className="mt-2 space-y-1">
          <p className="text-sm text-slate-700 dark:text-slate-300" data-testid="service-owner">
            Owner:{" "}
            {service.team ? (
              <a href={`/teams/${service.team.slug}`} className="font-semibold underline">
                {service.team.name}
              </a>
            ) : (
              <strong>unowned</strong>
            )}
            {service.ownerDetail ? <span data-testid="owner-provenance"> — {service.ownerDetail}</span> : null}
          </p>
          {canOwn ? (
            <OwnerForm
              slug={service.slug}
              team={service.team?.name ?? null}
              manual={service.ownerSource === "manual"}
              teams={await listTeamNames()}
            />
          ) : null}
        </div>
        <p className="mt-2 flex items-center gap-2 text-lg">
          Score{" "}
          <span className="font-semibold tabular-nums" data-testid="service-score">
            {formatScore(service.latestScore)}
          </span>
          <GradeBadge grade={service.latestGrade} />
          <span className="text-sm">
            <ExemptionCount counts={counts} href="#exemptions-heading" />
          </span>
        </p>
      </div>
      <section aria-labelledby="service-deployed-by-heading">
        <h2 id="service-deployed-by-heading" className="mb-2 text-lg font-semibold">
          Deployed by
        </h2>
        <DeployedByList deployedBy={service.deployedBy} />
      </section>
      <section aria-labelledby="service-fix-first-heading">
        <h2 id="service-fix-first-heading" className="mb-2 text-lg font-semibold">
          Fix first
        </h2>
        <FixFirstList
          items={rankFixFirst({
            failing: service.findings.filter((f) => f.outcome === "fail").map((f) => ({ ...f, service: service.name })),
            limit: 5,
          })}
          titleOf={(id) => findRule(id)?.title ?? id}
        />
      </section>
      <section aria-labelledby="history-heading">
        <h2 id="history-heading" className="mb-2 text-lg font-semibold">
          Score history
        </h2>
        <ScoreTrendChart label={`${service.name} score`} points={service.trend} />
      </section>
      <section aria-labelledby="factors-heading">
        <h2 id="factors-heading" className="mb-2 text-lg font-semibold">
          Factors
        </h2>
        {/* Styled by .factor-tiles in globals.css: fifteen tiles, each byte twice (HTML and React's payload). */}
        <ul className="factor-tiles">
          {FACTORS.map((f) => {
            const s = scores.get(f.id);
            return (
              <li key={f.id} className={scoreTone(s?.score)}>
                <a href={`#factor-${f.id}`}>
                  <b>{f.roman}</b>
                  {` ${f.name}`}
                  <strong>{formatScore(s?.score)}</strong>
                  <small>{s ? `${s.passed} pass · ${s.failed} fail` : "no checks applied"}</small>
                </a>
              </li>
            );
          })}
        </ul>
      </section>
      {/* Most services were never seen in a cluster: no query for them. The others' cluster section streams in
          after the headline and findings, which do not wait for it. */}
      {service.latestClusterTargetId === null ? null : (
        <Suspense fallback={<PageSkeleton label="the cluster" blocks={["h-40"]} />}>
          <ServiceClusterSection serviceId={service.id} />
        </Suspense>
      )}
      <section aria-labelledby="findings-heading" className="space-y-4">
        <div className="flex items-baseline justify-between">
          <h2 id="findings-heading" className="text-lg font-semibold">
            Findings
          </h2>
          <CsvLink table="findings" params={{ service: service.slug }} />
        </div>
        <FindingList findings={service.findings} slug={service.slug} canExempt={canOwn} />
      </section>
      <ExemptionPanel
        slug={service.slug}
        counts={counts}
        pending={pending}
        history={history}
        canApprove={principal?.role === "admin"}
        problems={service.exemptionProblems}
      />
    </div>
  );
}

/** Where the service runs and how that differs from what its repository declares: its own query, streamed. */
async function ServiceClusterSection({ serviceId }: { serviceId: number }) {
  return <ClusterDrift cluster={await getServiceCluster({ serviceId })} />;
}
