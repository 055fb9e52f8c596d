import { db } from "@/lib/db";

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
  return events.map((e) => {
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
  });
}
