import { recordAuditEvent, type AuditContext } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";

/**
 * Deletes an initiative with its progress history (closing it keeps the history; this is for one made by
 * mistake). `initiative.delete` is recorded in the same transaction. NotFoundError for an unknown slug.
 */
export async function deleteInitiative(opts: { slug: string; audit: AuditContext }): Promise<void> {
  await db().$transaction(async (tx) => {
    const initiative = await tx.initiative.findUnique({
      where: { slug: opts.slug },
      select: { id: true, name: true, goal: true, scope: true },
    });
    if (!initiative) throw new NotFoundError(`no initiative "${opts.slug}"`);
    await tx.initiative.delete({ where: { id: initiative.id } });
    await recordAuditEvent({
      tx,
      ...opts.audit,
      action: "initiative.delete",
      target: { kind: "initiative", id: opts.slug, name: initiative.name },
      detail: { goal: initiative.goal, scope: initiative.scope },
    });
  });
}
