import { recordAuditEvent, type AuditActor } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";
import { EXEMPTION_SELECT, toExemptionSummary } from "@/lib/exemptions/list-exemptions";
import { auditDetail } from "@/lib/persistence/exemptions/create-exemption";
import { rescoreCovered } from "@/lib/persistence/exemptions/rescore-covered";
import { updateRollupsSafely } from "@/lib/rollups/update-rollups-safely";

/** Dozen itself, as the audit log names it when nobody asked for the change. */
export const SYSTEM_ACTOR: AuditActor = { kind: "system", id: "dozen", name: "Dozen" };

/**
 * Ends the exemptions whose expiry has passed and that were not yet seen to expire: each is marked, recorded
 * as `exemption.expire` (by Dozen) and what it covered is re-scored, in one transaction, so its findings count
 * again without waiting for a scan or a code change. Scoring already ignores an expired exemption; this makes
 * the stored scores, the rollups and the audit log say so. Safe to run twice: a marked one is not swept again.
 */
export async function sweepExpiredExemptions(opts: { now?: Date } = {}): Promise<{ expired: number }> {
  const now = opts.now ?? new Date();
  const due = await db().exemption.findMany({
    where: { status: "active", expiredAt: null, expiresAt: { lte: now } },
    select: { ...EXEMPTION_SELECT, serviceId: true, teamId: true, sourceId: true },
    orderBy: { id: "asc" },
  });
  if (due.length === 0) return { expired: 0 };
  const changed = await db().$transaction(
    async (tx) => {
      for (const row of due) {
        await tx.exemption.update({ where: { id: row.id }, data: { expiredAt: now }, select: { id: true } });
        const summary = toExemptionSummary(row, now);
        await recordAuditEvent({
          tx,
          actor: SYSTEM_ACTOR,
          action: "exemption.expire",
          target: {
            kind: "exemption",
            id: row.id,
            name: `${row.ruleId} on ${row.service?.slug ?? row.team?.slug ?? row.source?.name ?? "?"}`,
          },
          detail: auditDetail(summary),
        });
      }
      return rescoreCovered({ tx, coverage: due, now });
    },
    { timeout: 120_000 },
  );
  await updateRollupsSafely({ plan: async () => (changed.serviceIds.length ? changed : null), context: { expired: due.length } });
  return { expired: due.length };
}
