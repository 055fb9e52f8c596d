import type { Metadata } from "next";
import Link from "next/link";
import { InitiativeListItem } from "@/components/initiatives/initiative-list-item";
import { allows } from "@/lib/auth/principal";
import { readPagePrincipal } from "@/lib/auth/read-page-principal";
import { listInitiatives } from "@/lib/initiatives/list-initiatives";
import type { InitiativeSummary } from "@/lib/initiatives/initiative-summary";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Initiatives" };

const GROUPS: { id: string; title: string; empty: string; has: (i: InitiativeSummary) => boolean }[] = [
  { id: "late", title: "Late", empty: "Nothing is late.", has: (i) => i.state === "late" },
  { id: "active", title: "Active", empty: "No active initiative.", has: (i) => i.state === "onTrack" || i.state === "atRisk" },
  { id: "done", title: "Done and closed", empty: "None yet.", has: (i) => i.state === "done" || i.state === "closed" },
];

/** Every initiative by where it stands, from its progress rollups; admins start new ones here. */
export default async function InitiativesPage() {
  const [initiatives, principal] = await Promise.all([listInitiatives(), readPagePrincipal()]);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold">Initiatives</h1>
        {principal && allows(principal, "admin") ? (
          <Link href="/initiatives/new" className="rounded bg-sky-800 px-3 py-1.5 text-sm text-white hover:bg-sky-900">
            New initiative
          </Link>
        ) : null}
      </div>
      <p className="text-sm text-slate-700 dark:text-slate-300">
        A goal for a set of services with a deadline, such as “every service passes handlesSigterm” or “no service below C”. Progress is
        worked out after every scan.
      </p>
      {initiatives.length === 0 ? (
        <p className="rounded border border-dashed border-slate-300 p-6 text-center text-sm dark:border-slate-700">No initiatives yet.</p>
      ) : (
        GROUPS.map((group) => {
          const items = initiatives.filter(group.has);
          return (
            <section key={group.id} aria-labelledby={`initiatives-${group.id}`} className="space-y-2">
              <h2 id={`initiatives-${group.id}`} className="text-lg font-semibold">
                {group.title} <span className="text-sm font-normal text-slate-600 dark:text-slate-300">({items.length})</span>
              </h2>
              {items.length === 0 ? (
                <p className="text-sm text-slate-600 dark:text-slate-300">{group.empty}</p>
              ) : (
                <ul className="grid gap-3 md:grid-cols-2">
                  {items.map((i) => (
                    <InitiativeListItem key={i.slug} initiative={i} />
                  ))}
                </ul>
              )}
            </section>
          );
        })
      )}
    </div>
  );
}
