import type { Metadata } from "next";
import { listRecentScans } from "@/lib/scans/list-recent-scans";
import { ScansTable } from "@/components/scans/scans-table";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Scans" };

export default async function ScansPage() {
  const scans = await listRecentScans({ limit: 50 });
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Scans</h1>
      <ScansTable initial={scans} />
    </div>
  );
}
