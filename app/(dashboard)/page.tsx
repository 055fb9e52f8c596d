import Link from "next/link";
import { Suspense } from "react";
import { ActiveInitiatives } from "@/components/overview/active-initiatives";
import { ScanProgress } from "@/components/overview/scan-progress";
import { formatScore } from "@/components/ui/score-cell";
import { FleetSummary } from "@/components/overview/fleet-summary";
import { MoversPanel } from "@/components/overview/movers-panel";
import { HeatmapExplorer } from "@/components/overview/heatmap-explorer";
import { ScoreTrendChart } from "@/components/charts/score-trend-chart";
import { getFleetHeadline } from "@/lib/fleet/get-fleet-headline";
import { getOverviewPage, type OverviewPage } from "@/lib/fleet/get-overview-page";
import { readHeatmapSearch, toHeatmapQueryString, type HeatmapSearch } from "@/lib/heatmap/read-heatmap-search";
import { PageSkeleton } from "@/components/ui/page-skeleton";
import { countExemptions } from "@/lib/exemptions/count-exemptions";
import { ExemptionCount } from "@/components/exemptions/exemption-count";
import { allows } from "@/lib/auth/principal";
import { readPagePrincipal } from "@/lib/auth/read-page-principal";
import { listTeamNames } from "@/lib/teams/list-team-names";

export const dynamic = "force-dynamic";

const count = new Intl.NumberFormat("en");

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * The manager's page. Everything here reads Service's latest scores and the rollups, one page of the
 * heatmap at a time (the URL's), in one statement (getOverviewPage), so it costs the same at 10,000
 * services as at ten. The headline (fleet score, services, unowned, exemptions) has its own statement of a
 * millisecond or two and paints first; the sections stream in behind their skeleton when the big one returns.
 */
export default async function OverviewPage({ searchParams }: Props) {
  const search = readHeatmapSearch(await searchParams);
  const overview = getOverviewPage({ search });
  // Read in parallel with the headline; a failure surfaces where the sections await it (the page's error state).
  overview.catch(() => undefined);
  const [{ fleet, unowned }, exemptions] = await Promise.all([getFleetHeadline(), countExemptions()]);
  return (
    <div className="space-y-4">
      <div className="flex items-baseline justify-between">
        <h1 className="text-2xl font-semibold">Fleet overview</h1>
        <p className="text-sm text-slate-600 dark:text-slate-300">
          Fleet score{" "}
          <span className="text-xl font-semibold tabular-nums text-slate-900 dark:text-white" data-testid="fleet-score">
            {formatScore(fleet.score)}
          </span>
          {" · "}
          <span data-testid="fleet-services">{count.format(fleet.services)} services</span>
          {" · "}
          <Link href="/?team=unowned" className="text-sky-800 underline dark:text-sky-300" data-testid="fleet-unowned">
            {count.format(unowned)} unowned
          </Link>
          {exemptions.active + exemptions.pending > 0 ? " · " : null}
          <ExemptionCount counts={exemptions} />
        </p>
      </div>
      <ScanProgress />
      <Suspense fallback={null}>
        <ActiveInitiatives />
      </Suspense>
      {fleet.services === 0 ? (
        <div className="rounded border border-dashed border-slate-300 p-8 text-center text-slate-600 dark:text-slate-300">
          <p className="font-medium">No services scanned yet.</p>
          <p className="mt-1 text-sm">
            <Link href="/sources" className="text-sky-800 underline dark:text-sky-300">
              Add a source
            </Link>{" "}
            (a local checkout, a GitHub organisation or a cluster) or wait for the first scan to finish.
          </p>
        </div>
      ) : (
        <Suspense fallback={<PageSkeleton label="the fleet's sections" blocks={["h-36", "h-40", "h-56", "h-96"]} />}>
          <OverviewSections overview={overview} search={search} />
        </Suspense>
      )}
    </div>
  );
}

/** Grades, failing factors, movers, the trend and the heatmap: what getOverviewPage read, once it has. */
async function OverviewSections({ overview, search }: { overview: Promise<OverviewPage>; search: HeatmapSearch }) {
  const [{ heatmap, options, trend, grades, failing, worst, movers }, assignTeams] = await Promise.all([overview, teamsToAssign()]);
  return (
    <>
      <FleetSummary grades={grades} failing={failing} worst={worst} />
      <MoversPanel windows={movers} />
      <section aria-labelledby="trend-heading">
        <h2 id="trend-heading" className="mb-2 font-semibold">
          Fleet score trend
        </h2>
        <ScoreTrendChart label="Fleet score" points={trend} />
      </section>
      <HeatmapExplorer
        initial={{ queryString: toHeatmapQueryString(search), data: heatmap }}
        options={options}
        {...(assignTeams ? { assignTeams } : {})}
      />
    </>
  );
}

/** Every team, for a reader who may assign owners in bulk (a maintainer or an admin); undefined for anyone else. */
async function teamsToAssign(): Promise<{ slug: string; name: string }[] | undefined> {
  const principal = await readPagePrincipal();
  return principal && allows({ ...principal, teams: undefined }, "maintainer") ? listTeamNames() : undefined;
}
