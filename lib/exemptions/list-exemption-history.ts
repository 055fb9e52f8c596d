import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { exemptionCoversSql } from "@/lib/exemptions/find-applicable-exemptions";

/** One change to an exemption, as the audit log kept it. */
export interface ExemptionChange {
  at: Date;
  /** create, update, approve, revoke or expire */
  action: string;
  actor: string;
  exemptionId: number;
  checkId: string;
  kind: string;
  reason: string;
  expiresAt: string | null;
  /** Why it was revoked, when someone said. */
  why: string | null;
}

/**
 * The history of the exemptions that cover a service (its own, its team's, its source's, whatever their status
 * now), newest first, from the append-only audit log: who did what, when, and why.
 */
export async function listExemptionHistory(opts: { service: string; limit?: number }): Promise<ExemptionChange[]> {
  const s = await db().service.findUnique({ where: { slug: opts.service }, select: { id: true, teamId: true, sourceId: true } });
  if (!s) return [];
  const covering = await db().exemption.findMany({
    where: {
      OR: [
        { scope: { in: ["finding", "service"] }, serviceId: s.id },
        ...(s.teamId === null ? [] : [{ scope: "team", teamId: s.teamId }]),
        { scope: "source", sourceId: s.sourceId },
      ],
    },
    select: { id: true },
  });
  if (covering.length === 0) return [];
  const events = await db().auditEvent.findMany({
    where: { targetKind: "exemption", targetId: { in: covering.map((e) => String(e.id)) } },
    select: { at: true, action: true, actorName: true, targetId: true, detail: true },
    orderBy: { id: "desc" },
    take: opts.limit ?? 200,
  });
  return events.map(toExemptionChange);
}

/** One audit event of an exemption (`targetId` its id) as the history shows it. */
export function toExemptionChange(e: {
  at: Date;
  action: string;
  actorName: string;
  targetId: string | null;
  detail: unknown;
}): ExemptionChange {
  const d = (e.detail ?? {}) as Record<string, unknown>;
  const text = (key: string) => (typeof d[key] === "string" ? (d[key] as string) : null);
  return {
    at: e.at,
    action: e.action.replace(/^exemption\./, ""),
    actor: e.actorName,
    exemptionId: Number(e.targetId),
    checkId: text("checkId") ?? "",
    kind: text("kind") ?? "",
    reason: text("reason") ?? "",
    expiresAt: text("expiresAt"),
    why: text("why"),
  };
}

/**
 * SQL: the history of the exemptions covering the service aliased `s` as JSON (newest first, at most `limit`),
 * the rows listExemptionHistory reads, for toExemptionChange once `at` is a Date.
 */
export function exemptionHistorySql(opts: { limit: number }): Prisma.Sql {
  return Prisma.sql`COALESCE((SELECT json_agg(json_build_object('at', a."at", 'action', a."action", 'actorName', a."actorName",
      'targetId', a."targetId", 'detail', a."detail") ORDER BY a."id" DESC) FROM (
    SELECT a.* FROM "AuditEvent" a
    WHERE a."targetKind" = 'exemption' AND a."targetId" IN (SELECT e."id"::text FROM "Exemption" e WHERE ${exemptionCoversSql()})
    ORDER BY a."id" DESC LIMIT ${opts.limit}) a), '[]')`;
}
