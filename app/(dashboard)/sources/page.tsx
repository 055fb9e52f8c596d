import type { Metadata } from "next";
import { listSources } from "@/lib/sources/list-sources";
import { ScanNowButton } from "@/components/scans/scan-now-button";
import { CsvLink } from "@/components/ui/csv-link";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sources" };

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

export default async function SourcesPage() {
  const sources = await listSources();
  return (
    <div className="space-y-4">
      <div className="flex items-baseline justify-between">
        <h1 className="text-2xl font-semibold">Sources</h1>
        <CsvLink table="sources" />
      </div>
      {sources.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-300">No sources yet. Start Dozen with DOZEN_DEMO_FLEET or register a directory.</p>
      ) : (
        <table className="w-full text-sm">
          <caption className="sr-only">Sources and their latest scans</caption>
          <thead>
            <tr className="text-left text-xs text-slate-600 dark:text-slate-300">
              <th scope="col" className="py-2">Source</th>
              <th scope="col">Kind</th>
              <th scope="col">Location</th>
              <th scope="col">Schedule (UTC)</th>
              <th scope="col" className="text-right">Services</th>
              <th scope="col">Last scan</th>
              <th scope="col"><span className="sr-only">Actions</span></th>
            </tr>
          </thead>
          <tbody>
            {sources.map((s) => (
              <tr key={s.id} className="border-t border-slate-100 dark:border-slate-800" data-testid="source-row">
                <td className="py-1.5 font-medium">{s.name}</td>
                <td>{s.kind}</td>
                <td className="max-w-xs truncate font-mono text-xs" title={s.location}>{s.location}</td>
                <td className="font-mono text-xs">{s.schedule ?? "on demand"}</td>
                <td className="text-right tabular-nums">{s.services}</td>
                <td>{s.lastScan ? `${s.lastScan.status} · ${dateTime.format(new Date(s.lastScan.createdAt))}` : "never"}</td>
                <td className="text-right"><ScanNowButton sourceId={s.id} sourceName={s.name} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
