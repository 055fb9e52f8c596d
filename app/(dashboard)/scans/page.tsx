import type { Metadata } from "next";
import { listRecentScans } from "@/lib/scans/list-recent-scans";
import { ScansTable } from "@/components/scans/scans-table";
import { CsvLink } from "@/components/ui/csv-link";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Scans" };

export default async function ScansPage() {
  const scans = await listRecentScans({ limit: 50 });
  return (
    <div className="space-y-4">
      <div className="flex items-baseline justify-between">
        <h1 className="text-2xl font-semibold">Scans</h1>
        <CsvLink table="scans" />
      </div>
      <ScansTable initial={scans} />
    </div>
  );
}
