import type { Metadata } from "next";
import Link from "next/link";
import { allows } from "@/lib/auth/principal";
import { readPagePrincipal } from "@/lib/auth/read-page-principal";
import { env } from "@/lib/env";
import { findSourceKind, SOURCE_KINDS } from "@/lib/sources/kinds/registry";
import { SourceForm } from "@/components/sources/source-form";
import { BackLink } from "@/components/ui/back-link";
import { NeedsRole } from "@/components/auth/needs-role";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Add a source" };

// The kind is a link, not client state, so every form has its own URL and works before hydration.
export default async function NewSourcePage({ searchParams }: { searchParams: Promise<{ kind?: string }> }) {
  const requested = (await searchParams).kind;
  const kind = findSourceKind(requested ?? "") ?? SOURCE_KINDS.github;
  const defaultSchedule = env().DOZEN_DEFAULT_SCHEDULE;
  const principal = await readPagePrincipal();
  if (!principal || !allows(principal, "admin")) return <NeedsRole role="admin" what="Adding a source" />;
  return (
    <div className="space-y-4">
      <BackLink href="/sources" label="Sources" />
      <h1 className="text-2xl font-semibold">Add a source</h1>
      <nav aria-label="Kind of source">
        <ul className="flex flex-wrap gap-2 text-sm">
          {Object.values(SOURCE_KINDS).map((k) => (
            <li key={k.kind}>
              <Link
                href={`/sources/new?kind=${k.kind}`}
                aria-current={k.kind === kind.kind ? "page" : undefined}
                className="inline-block rounded border border-slate-300 px-3 py-1 hover:bg-slate-100 aria-[current=page]:border-sky-700 aria-[current=page]:bg-sky-700 aria-[current=page]:text-white dark:border-slate-700 dark:hover:bg-slate-800 dark:aria-[current=page]:bg-sky-700"
              >
                {k.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <h2 className="font-semibold">{kind.label}</h2>
      <SourceForm key={kind.kind} kind={kind.kind} {...kind.form} defaultSchedule={defaultSchedule} />
    </div>
  );
}
