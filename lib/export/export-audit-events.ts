import { listAuditEvents, type AuditFilter } from "@/lib/audit/list-audit-events";
import { toCsv } from "@/lib/export/to-csv";

const BATCH = 1000;

/**
 * The audit log as CSV, newest first, every event the filter matches (read in batches by id, so a long log
 * never loads at once). `detail` is its JSON; a cell that starts like a formula (an actor's name `=…` from
 * the identity provider) is neutralised by toCsv like every export's.
 */
export async function exportAuditEvents(opts: { filter: AuditFilter }): Promise<string> {
  const rows: (string | number | null)[][] = [];
  for (let beforeId: number | undefined; ;) {
    const batch = await listAuditEvents({ filter: opts.filter, take: BATCH, beforeId });
    for (const e of batch)
      rows.push([
        e.id,
        e.at.toISOString(),
        e.actorKind,
        e.actorId,
        e.actorName,
        e.action,
        e.targetKind,
        e.targetId,
        e.targetName,
        JSON.stringify(e.detail ?? {}),
        e.remoteAddress,
        e.userAgent,
      ]);
    if (batch.length < BATCH) break;
    beforeId = batch[batch.length - 1]!.id;
  }
  const columns = ["id", "at", "actor_kind", "actor_id", "actor_name", "action", "target_kind", "target_id", "target_name"];
  return toCsv({ columns: [...columns, "detail", "remote_address", "user_agent"], rows });
}
