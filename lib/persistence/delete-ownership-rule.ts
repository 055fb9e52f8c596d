import { recordAuditEvent, type AuditContext } from "@/lib/audit/record-audit-event";
import { NotFoundError } from "@/lib/errors";
import { withOwnershipReapplied } from "@/lib/persistence/with-ownership-reapplied";

/** Deletes a rule, numbers the others 1…n again, records `ownership-rule.delete`, and re-applies ownership. */
export async function deleteOwnershipRule(opts: { id: number; audit: AuditContext }): Promise<{ moved: number }> {
  const { moved } = await withOwnershipReapplied(async (tx) => {
    const rule = await tx.ownershipRule.findUnique({
      where: { id: opts.id },
      select: { kind: true, pattern: true, position: true, team: { select: { slug: true } } },
    });
    if (!rule) throw new NotFoundError(`no ownership rule ${opts.id}`);
    await tx.ownershipRule.delete({ where: { id: opts.id } });
    await tx.ownershipRule.updateMany({ where: { position: { gt: rule.position } }, data: { position: { decrement: 1 } } });
    await recordAuditEvent({
      tx,
      ...opts.audit,
      action: "ownership-rule.delete",
      target: { kind: "ownership-rule", id: opts.id, name: `${rule.kind} ${rule.pattern}` },
      detail: { kind: rule.kind, pattern: rule.pattern, team: rule.team.slug, position: rule.position },
    });
  });
  return { moved };
}
