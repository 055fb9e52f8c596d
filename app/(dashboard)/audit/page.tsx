import type { Metadata } from "next";
import Link from "next/link";
import { listAuditEventsPage } from "@/lib/api/list-audit-events-page";
import { auditEventListQuery } from "@/lib/api/schemas/audit";
import { AUDIT_ACTIONS } from "@/lib/audit/record-audit-event";
import { allows } from "@/lib/auth/principal";
import { readPagePrincipal } from "@/lib/auth/read-page-principal";
import { AuditTable } from "@/components/audit/audit-table";
import { CsvLink } from "@/components/ui/csv-link";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Audit log" };

const FILTERS = ["actor", "action", "target", "from", "to"] as const;
const field = "rounded border border-slate-300 bg-white px-2 py-1 dark:border-slate-700 dark:bg-slate-900";
const KINDS = [...new Set(AUDIT_ACTIONS.map((a) => a.split(".")[0]!))];

/** The audit log for admins: who changed what, when and from where, filtered, newest first, paged. */
export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [params, principal] = await Promise.all([searchParams, readPagePrincipal()]);
  if (!principal || !allows(principal, "admin"))
    return (
      <div className="space-y-2">
        <h1 className="text-2xl font-semibold">Audit log</h1>
        <p className="text-sm">The audit log is for admins{principal ? `; ${principal.name} is a ${principal.role}` : ""}.</p>
      </div>
    );
  const given = Object.fromEntries(
    Object.entries(params).flatMap(([k, v]) => (typeof v === "string" && v !== "" ? [[k, v]] : [])),
  ) as Record<string, string>;
  const parsed = auditEventListQuery.safeParse(given);
  const page = parsed.success ? await listAuditEventsPage({ query: parsed.data }) : null;
  const filters = Object.fromEntries(FILTERS.map((k) => [k, given[k]]));
  const older = page?.nextCursor ? `/audit?${new URLSearchParams({ ...definedOnly(filters), cursor: page.nextCursor })}` : null;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold">Audit log</h1>
        <CsvLink table="audit" params={filters} />
      </div>
      <p className="text-sm text-slate-700 dark:text-slate-300">
        Every change made through Dozen — sources, scans started, owners, tokens, settings — with who, when and from where. Append-only:
        nobody, the application included, can edit or delete an entry.
      </p>
      <form method="get" action="/audit" className="flex flex-wrap items-end gap-3 text-sm" aria-label="Filter the audit log">
        <label className="flex flex-col gap-1">
          Who
          <input name="actor" defaultValue={filters.actor} placeholder="name or id" className={field} />
        </label>
        <label className="flex flex-col gap-1">
          Action
          <select name="action" defaultValue={filters.action ?? ""} className={field}>
            <option value="">any</option>
            {KINDS.map((kind) => (
              <optgroup key={kind} label={kind}>
                <option value={kind}>every {kind} action</option>
                {AUDIT_ACTIONS.filter((a) => a.startsWith(`${kind}.`)).map((a) => (
                  <option key={a} value={a}>
                    {a}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1">
          Target
          <input name="target" defaultValue={filters.target} placeholder="source, service, token" className={field} />
        </label>
        <label className="flex flex-col gap-1">
          From (UTC day)
          <input type="date" name="from" defaultValue={filters.from?.slice(0, 10)} className={field} />
        </label>
        <label className="flex flex-col gap-1">
          To (UTC day)
          <input type="date" name="to" defaultValue={filters.to?.slice(0, 10)} className={field} />
        </label>
        <button type="submit" className="rounded bg-slate-700 px-3 py-1 text-white hover:bg-slate-800">
          Filter
        </button>
        <Link href="/audit" className="text-sky-800 underline dark:text-sky-300">
          Clear
        </Link>
      </form>
      {page ? (
        <AuditTable events={page.items.map((e) => ({ ...e, detail: e.detail ?? {} }))} />
      ) : (
        <p role="alert" className="text-sm text-red-800 dark:text-red-300">
          These filters cannot be read:{" "}
          {parsed.success ? "" : parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}
        </p>
      )}
      <nav aria-label="Audit log pages" className="flex gap-4 text-sm">
        {given.cursor ? (
          <Link href={`/audit?${new URLSearchParams(definedOnly(filters))}`} className="text-sky-800 underline dark:text-sky-300">
            Newest
          </Link>
        ) : null}
        {older ? (
          <Link href={older} className="text-sky-800 underline dark:text-sky-300">
            Older events
          </Link>
        ) : null}
      </nav>
    </div>
  );
}

function definedOnly(values: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter((e): e is [string, string] => Boolean(e[1])));
}
