import type { z } from "zod";
import { listAuditEvents, type AuditEventRow } from "@/lib/audit/list-audit-events";
import { auditFilterOf } from "@/lib/api/audit-filter-of";
import { nextBeforeId, readBeforeId } from "@/lib/api/page-position";
import type { auditEventList, auditEventListQuery, auditEventSchema } from "@/lib/api/schemas/audit";

/** An event as the API answers it. */
function toAuditEventBody(row: AuditEventRow): z.input<typeof auditEventSchema> {
  return {
    id: row.id,
    at: row.at.toISOString(),
    actor: { kind: row.actorKind, id: row.actorId, name: row.actorName },
    action: row.action,
    target: { kind: row.targetKind, id: row.targetId, name: row.targetName },
    detail: (row.detail ?? {}) as Record<string, unknown>,
    remoteAddress: row.remoteAddress,
    userAgent: row.userAgent,
  };
}

/** `GET /api/v1/audit-events`: the audit log newest first, filtered, paged by id. */
export async function listAuditEventsPage(opts: { query: z.output<typeof auditEventListQuery> }): Promise<z.input<typeof auditEventList>> {
  const { limit, cursor, ...filters } = opts.query;
  const rows = await listAuditEvents({ filter: auditFilterOf(filters), take: limit + 1, beforeId: readBeforeId(cursor) });
  return { items: rows.slice(0, limit).map(toAuditEventBody), nextCursor: nextBeforeId({ ids: rows.map((r) => r.id), limit }) };
}
