/** One event as the audit page shows it (the v1 API's AuditEvent). */
export interface AuditEventView {
  id: number;
  at: string;
  actor: { kind: string; id: string; name: string };
  action: string;
  target: { kind: string; id: string | null; name: string | null };
  detail: Record<string, unknown>;
  remoteAddress: string | null;
  userAgent: string | null;
}

const value = (v: unknown): string => (v === null || v === undefined ? "none" : typeof v === "string" ? v : JSON.stringify(v));

/** What changed, in a line or two: `field: before → after` for edits, `key: value` otherwise. */
function describeDetail(detail: Record<string, unknown>): string[] {
  const changed = detail.changed;
  if (changed && typeof changed === "object")
    return Object.entries(changed as Record<string, { from?: unknown; to?: unknown }>).map(
      ([key, c]) => `${key}: ${value(c?.from)} → ${value(c?.to)}`,
    );
  if ("from" in detail || "to" in detail) return [`${value(detail.from)} → ${value(detail.to)}`];
  return Object.entries(detail).map(([key, v]) => `${key}: ${value(v)}`);
}

/** The audit log, newest first: when, who, what, on what, the change, and from where. */
export function AuditTable({ events }: { events: AuditEventView[] }) {
  if (events.length === 0) return <p className="text-sm text-slate-600 dark:text-slate-300">No event matches these filters.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm">
        <caption className="sr-only">Audit log, newest first</caption>
        <thead>
          <tr className="text-left text-xs text-slate-600 dark:text-slate-300">
            <th scope="col" className="py-2 pr-3">
              When (UTC)
            </th>
            <th scope="col" className="pr-3">
              Who
            </th>
            <th scope="col" className="pr-3">
              Action
            </th>
            <th scope="col" className="pr-3">
              Target
            </th>
            <th scope="col" className="pr-3">
              Change
            </th>
            <th scope="col">From</th>
          </tr>
        </thead>
        <tbody>
          {events.map((e) => (
            <tr key={e.id} className="border-t border-slate-100 align-top dark:border-slate-800" data-testid="audit-row">
              <td className="py-1.5 pr-3 whitespace-nowrap tabular-nums">
                <time dateTime={e.at}>{e.at.slice(0, 19).replace("T", " ")}</time>
              </td>
              <td className="pr-3">
                {e.actor.name}
                <span className="block text-xs text-slate-600 dark:text-slate-300">{e.actor.kind}</span>
              </td>
              <td className="pr-3 font-mono text-xs">{e.action}</td>
              <td className="pr-3">
                {e.target.name ?? e.target.id ?? "—"}
                <span className="block text-xs text-slate-600 dark:text-slate-300">
                  {e.target.kind}
                  {e.target.id && e.target.id !== e.target.name ? ` #${e.target.id}` : ""}
                </span>
              </td>
              <td className="pr-3 text-xs break-words">
                {describeDetail(e.detail).map((line) => (
                  <span key={line} className="block">
                    {line}
                  </span>
                ))}
              </td>
              <td className="text-xs">
                {e.remoteAddress ?? "—"}
                {e.userAgent ? <span className="block max-w-48 truncate text-slate-600 dark:text-slate-300">{e.userAgent}</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
