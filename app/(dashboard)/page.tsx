import { getFleetOverview } from "@/lib/services/get-fleet-overview";
import { ServicesHeatmap } from "@/components/overview/services-heatmap";
import { ScanProgress } from "@/components/overview/scan-progress";
import { formatScore } from "@/components/ui/score-cell";
import { FleetSummary } from "@/components/overview/fleet-summary";
import { ScoreTrendChart } from "@/components/charts/score-trend-chart";
import { getFleetTrend } from "@/lib/rollups/get-fleet-trend";
import { getGradeDistribution } from "@/lib/rollups/get-grade-distribution";
import { getFailingFactors } from "@/lib/rollups/get-failing-factors";
import { getMovers } from "@/lib/rollups/get-movers";
import { CsvLink } from "@/components/ui/csv-link";

export const dynamic = "force-dynamic";

export default async function OverviewPage() {
  const [{ services, fleetScore }, trend, grades, failing, worse] = await Promise.all([
    getFleetOverview(),
    getFleetTrend({ days: 180 }),
    getGradeDistribution(),
    getFailingFactors({ limit: 5 }),
    getMovers({ days: 7, limit: 5, direction: "worse" }),
  ]);
  return (
    <div className="space-y-4">
      <div className="flex items-baseline justify-between">
        <h1 className="text-2xl font-semibold">Fleet overview</h1>
        <p className="text-sm text-slate-600 dark:text-slate-300">
          Fleet score <span className="text-xl font-semibold tabular-nums text-slate-900 dark:text-white" data-testid="fleet-score">{formatScore(fleetScore)}</span>
          {" · "}
          {services.length} services · <CsvLink table="services" />
        </p>
      </div>
      <ScanProgress />
      {services.length === 0 ? (
        <div className="rounded border border-dashed border-slate-300 p-8 text-center text-slate-600 dark:text-slate-300">
          <p className="font-medium">No services scanned yet.</p>
          <p className="mt-1 text-sm">
            Add a source (a local checkout, a GitHub organisation or a cluster) or wait for the first scan to finish.
          </p>
        </div>
      ) : (
        <>
          <FleetSummary grades={grades} failing={failing} worse={worse} />
          <section aria-labelledby="trend-heading">
            <h2 id="trend-heading" className="mb-2 font-semibold">Fleet score trend</h2>
            <ScoreTrendChart label="Fleet score" points={trend} />
          </section>
          <ServicesHeatmap services={services} />
        </>
      )}
    </div>
  );
}
