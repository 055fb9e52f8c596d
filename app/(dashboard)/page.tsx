import { getFleetOverview } from "@/lib/services/get-fleet-overview";
import { ServicesHeatmap } from "@/components/overview/services-heatmap";
import { ScanProgress } from "@/components/overview/scan-progress";
import { formatScore } from "@/components/ui/score-cell";
import { CsvLink } from "@/components/ui/csv-link";

export const dynamic = "force-dynamic";

export default async function OverviewPage() {
  const { services, fleetScore } = await getFleetOverview();
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
        <ServicesHeatmap services={services} />
      )}
    </div>
  );
}
