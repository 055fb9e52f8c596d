import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

/** What the audit log can be narrowed to; every field optional, all given ones must hold. */
export interface AuditFilter {
  /** The actor's name or id, as part of it, any case (`ada`, `local`). */
  actor?: string;
  /** An action (`source.update`) or a whole kind of them (`source`, `token`). */
  action?: string;
  /** The target's name or id, as part of it, any case (a source's name, a service's slug). */
  target?: string;
  /** From this instant on (inclusive). */
  from?: Date;
  /** Before this instant (exclusive). */
  to?: Date;
}

/** One event as pages, the API and the CSV show it. */
export interface AuditEventRow {
  id: number;
  at: Date;
  actorKind: string;
  actorId: string;
  actorName: string;
  action: string;
  targetKind: string;
  targetId: string | null;
  targetName: string | null;
  detail: unknown;
  remoteAddress: string | null;
  userAgent: string | null;
}

function whereOf(filter: AuditFilter, beforeId: number | undefined): Prisma.AuditEventWhereInput {
  const contains = (value: string) => ({ contains: value, mode: "insensitive" as const });
  const and: Prisma.AuditEventWhereInput[] = [];
  if (filter.actor) and.push({ OR: [{ actorName: contains(filter.actor) }, { actorId: contains(filter.actor) }] });
  if (filter.action) and.push(filter.action.includes(".") ? { action: filter.action } : { action: { startsWith: `${filter.action}.` } });
  if (filter.target) and.push({ OR: [{ targetName: contains(filter.target) }, { targetId: contains(filter.target) }] });
  if (filter.from || filter.to) and.push({ at: { ...(filter.from ? { gte: filter.from } : {}), ...(filter.to ? { lt: filter.to } : {}) } });
  if (beforeId !== undefined) and.push({ id: { lt: BigInt(beforeId) } });
  return and.length > 0 ? { AND: and } : {};
}

/**
 * The audit log newest first, narrowed by `filter`, `take` events from before `beforeId` (keyset paging by
 * id: an event recorded while someone pages never shifts the pages not read yet).
 */
export async function listAuditEvents(opts: { filter: AuditFilter; take: number; beforeId?: number }): Promise<AuditEventRow[]> {
  const rows = await db().auditEvent.findMany({
    where: whereOf(opts.filter, opts.beforeId),
    orderBy: { id: "desc" },
    take: opts.take,
  });
  return rows.map((r) => ({ ...r, id: Number(r.id) }));
}
