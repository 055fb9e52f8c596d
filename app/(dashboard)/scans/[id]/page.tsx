import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { z } from "zod";
import { describeScanProgress } from "@/lib/scans/describe-scan-progress";
import { getScanDetail } from "@/lib/scans/get-scan-detail";
import { createFormatters, readerLocale } from "@/components/sources/formatters";
import { RefreshWhileActive } from "@/components/scans/refresh-while-active";
import { formatDuration, ScanTargetsTable } from "@/components/scans/scan-targets-table";
import { BackLink } from "@/components/ui/back-link";
import { Fact } from "@/components/ui/fact";

export const dynamic = "force-dynamic";

const params = z.object({ id: z.coerce.number().int().positive() });

export async function generateMetadata(props: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const parsed = params.safeParse(await props.params);
  return { title: parsed.success ? `Scan #${parsed.data.id}` : "Scan" };
}

// One scan: its state and progress over the known total, its times, and every target with its status,
// duration and error. Re-rendered every 2 s while the scan is queued or running. A deleted source's scans stay here.
export default async function ScanPage(props: { params: Promise<{ id: string }> }) {
  const parsed = params.safeParse(await props.params);
  if (!parsed.success) notFound();
  const [scan, requestHeaders] = await Promise.all([getScanDetail({ id: parsed.data.id }), headers()]);
  if (!scan) notFound();
  const now = new Date();
  const f = createFormatters({ locale: readerLocale(requestHeaders.get("accept-language")), now });
  const active = scan.status === "queued" || scan.status === "running";
  const took = scan.startedAt ? (scan.finishedAt ? Date.parse(scan.finishedAt) : now.getTime()) - Date.parse(scan.startedAt) : null;
  const time = (iso: string | null) => (iso ? <time dateTime={iso}>{f.dateTime(iso)}</time> : "—");
  return (
    <div className="space-y-4">
      <RefreshWhileActive active={active} />
      <BackLink href="/scans" label="Scans" />
      <h1 className="text-2xl font-semibold">
        Scan #{scan.id} <span className="text-base font-normal text-slate-600 dark:text-slate-300">of {scan.source.name}</span>
      </h1>
      {scan.source.deleted ? (
        <p className="text-sm text-slate-600 dark:text-slate-300">Its source was deleted since; this scan is kept as history.</p>
      ) : null}
      <dl className="grid gap-4 rounded border border-slate-200 bg-white p-4 text-sm sm:grid-cols-2 lg:grid-cols-4 dark:border-slate-800 dark:bg-slate-900">
        <Fact term="Status">
          <span data-testid="scan-status">{scan.status}</span>{" "}
          <span className="text-xs text-slate-600 dark:text-slate-300">({scan.trigger})</span>
          {scan.error ? <span className="block text-xs text-red-800 dark:text-red-300">{scan.error}</span> : null}
        </Fact>
        <Fact term="Progress">
          <span role="status" data-testid="scan-progress">
            {describeScanProgress(scan)}
          </span>
        </Fact>
        <Fact term="Queued · started · finished (UTC)">
          <span className="block text-xs">
            {time(scan.createdAt)} · {time(scan.startedAt)} · {time(scan.finishedAt)}
          </span>
        </Fact>
        <Fact term={active ? "Running for" : "Duration"}>{formatDuration(took)}</Fact>
      </dl>
      <h2 className="font-semibold">Targets</h2>
      {scan.targets.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-300">
          {active ? "No target finished yet." : "This scan recorded no targets."}
        </p>
      ) : (
        <ScanTargetsTable targets={scan.targets} />
      )}
      {scan.moreTargets > 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-300">…and {f.number(scan.moreTargets)} more targets, not listed.</p>
      ) : null}
    </div>
  );
}
