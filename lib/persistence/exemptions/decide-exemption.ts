import { recordAuditEvent, type AuditContext } from "@/lib/audit/record-audit-event";
import { allows, type Principal } from "@/lib/auth/principal";
import { db } from "@/lib/db";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { EXEMPTION_SELECT, toExemptionSummary, type ExemptionSummary } from "@/lib/exemptions/list-exemptions";
import { auditDetail } from "@/lib/persistence/exemptions/create-exemption";
import { rescoreCovered } from "@/lib/persistence/exemptions/rescore-covered";
import { updateRollupsSafely } from "@/lib/rollups/update-rollups-safely";

/**
 * Approves a pending exemption (admins only: `exemption.approve`) or revokes one (an admin, or a maintainer of
 * its team: `exemption.revoke`, with the reason given). Either re-scores what it covers in the same transaction,
 * so the finding counts again (or stops counting) on every page at once. NotFoundError for an unknown id;
 * ConflictError for an exemption already revoked, one declared in code (change the code instead), or an
 * approval of one that is not pending.
 */
export async function decideExemption(opts: {
  id: number;
  decision: "approve" | "revoke";
  reason?: string;
  principal: Principal;
  audit: AuditContext;
  now?: Date;
}): Promise<ExemptionSummary> {
  const now = opts.now ?? new Date();
  const row = await db().exemption.findUnique({
    where: { id: opts.id },
    select: {
      ...EXEMPTION_SELECT,
      serviceId: true,
      teamId: true,
      sourceId: true,
      service: { select: { slug: true, name: true, team: { select: { slug: true } } } },
    },
  });
  if (!row) throw new NotFoundError(`no exemption ${opts.id}`);
  const team = row.team?.slug ?? row.service?.team?.slug ?? null;
  const needed = opts.decision === "approve" || row.scope === "source" ? "admin" : "maintainer";
  if (!allows(opts.principal, needed, { team }))
    throw new ForbiddenError(
      needed === "admin"
        ? `This needs the admin role; ${opts.principal.name} is a ${opts.principal.role}.`
        : `${opts.principal.name} may not revoke exemptions of ${team ?? "unowned services"}.`,
    );
  if (row.status === "revoked") throw new ConflictError(`exemption ${opts.id} is already revoked`);
  if (opts.decision === "approve" && row.status !== "pending") throw new ConflictError(`exemption ${opts.id} is not waiting for approval`);
  if (opts.decision === "revoke" && row.origin === "code")
    throw new ConflictError(`exemption ${opts.id} is declared in code (${row.location ?? "dozen.yaml"}): remove it there`);

  const { summary, changed } = await db().$transaction(
    async (tx) => {
      const updated = await tx.exemption.update({
        where: { id: opts.id },
        data:
          opts.decision === "approve"
            ? { status: "active", approvedBy: opts.principal.name, approvedAt: now }
            : { status: "revoked", revokedBy: opts.principal.name, revokedAt: now },
        select: { ...EXEMPTION_SELECT, serviceId: true, teamId: true, sourceId: true },
      });
      const summary = toExemptionSummary(updated, now);
      await recordAuditEvent({
        tx,
        ...opts.audit,
        action: opts.decision === "approve" ? "exemption.approve" : "exemption.revoke",
        target: {
          kind: "exemption",
          id: row.id,
          name: `${row.ruleId} on ${row.service?.slug ?? row.team?.slug ?? row.source?.name ?? "?"}`,
        },
        detail: { ...auditDetail(summary), ...(opts.reason ? { why: opts.reason } : {}) },
      });
      return { summary, changed: await rescoreCovered({ tx, coverage: [updated], now }) };
    },
    { timeout: 60_000 },
  );
  await updateRollupsSafely({ plan: async () => (changed.serviceIds.length ? changed : null), context: { exemption: opts.id } });
  return summary;
}
