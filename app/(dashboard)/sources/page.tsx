import type { Metadata } from "next";
import type { ReactNode } from "react";
import Link from "next/link";
import { headers } from "next/headers";
import { allows } from "@/lib/auth/principal";
import { readPagePrincipal } from "@/lib/auth/read-page-principal";
import { listSources } from "@/lib/sources/list-sources";
import { CsvLink } from "@/components/ui/csv-link";
import { createFormatters, readerLocale } from "@/components/sources/formatters";
import { SourceCard } from "@/components/sources/source-card";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sources" };

export default async function SourcesPage({
  searchParams,
}: {
  searchParams: Promise<{ added?: string; scan?: string; edited?: string; deleted?: string }>;
}) {
  const now = new Date();
  const [sources, params, requestHeaders, principal] = await Promise.all([
    listSources({ now }),
    searchParams,
    headers(),
    readPagePrincipal(),
  ]);
  // What this person may do decides which controls show; the actions and the API check again.
  const can = { admin: Boolean(principal && allows(principal, "admin")), scan: Boolean(principal && allows(principal, "maintainer")) };
  const locale = readerLocale(requestHeaders.get("accept-language"));
  const f = createFormatters({ locale, now });
  const added = sources.find((s) => String(s.id) === params.added);
  const edited = sources.find((s) => String(s.id) === params.edited);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold">Sources</h1>
        <p className="flex items-baseline gap-3 text-sm">
          <CsvLink table="sources" />
          {can.admin ? (
            <Link href="/sources/new" className="rounded bg-sky-700 px-3 py-1.5 font-medium text-white hover:bg-sky-800">
              Add a source
            </Link>
          ) : null}
        </p>
      </div>
      {added ? (
        <p
          role="status"
          className="rounded border border-emerald-300 bg-emerald-50 p-2 text-sm text-emerald-900 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-200"
        >
          Added <strong>{added.name}</strong>. Its first scan{params.scan ? ` (#${params.scan})` : ""} is queued; follow it on{" "}
          <Link href="/scans" className="underline">
            Scans
          </Link>
          .
        </p>
      ) : null}
      {edited ? (
        <Notice>
          Saved <strong>{edited.name}</strong>. Its next scan uses the new settings.
        </Notice>
      ) : null}
      {params.deleted ? (
        <Notice>
          Deleted <strong>{params.deleted}</strong>. It is no longer scanned; its scans, services and findings stay readable from{" "}
          <Link href="/scans" className="underline">
            Scans
          </Link>
          .
        </Notice>
      ) : null}
      {sources.length === 0 ? (
        <div className="rounded border border-dashed border-slate-300 p-8 text-center text-slate-600 dark:border-slate-700 dark:text-slate-300">
          <p className="font-medium">No sources yet.</p>
          <p className="mt-1 text-sm">
            <Link href="/sources/new" className="text-sky-800 underline dark:text-sky-300">
              Add a source
            </Link>
            : a GitHub organisation, a Kubernetes cluster or a local checkout. Dozen scans it at once, then on its schedule.
          </p>
        </div>
      ) : (
        <ul className="space-y-3" aria-label="Sources">
          {sources.map((s) => (
            <SourceCard
              key={s.id}
              source={s}
              f={f}
              locale={locale}
              renderedAt={now.toISOString()}
              highlight={s.id === added?.id || s.id === edited?.id}
              can={can}
            />
          ))}
        </ul>
      )}
    </div>
  );
}

function Notice({ children }: { children: ReactNode }) {
  return (
    <p
      role="status"
      className="rounded border border-emerald-300 bg-emerald-50 p-2 text-sm text-emerald-900 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-200"
    >
      {children}
    </p>
  );
}
