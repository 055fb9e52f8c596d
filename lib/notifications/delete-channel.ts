import { recordAuditEvent, type AuditContext } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";

/**
 * Deletes a channel with its delivery log; a delivery queued for it finds nothing and stops. `channel.delete`
 * is recorded in the same transaction. NotFoundError when there is no such channel.
 */
export async function deleteChannel(opts: { id: number; audit: AuditContext }): Promise<void> {
  await db().$transaction(async (tx) => {
    const channel = await tx.notificationChannel.findUnique({
      where: { id: opts.id },
      select: { id: true, kind: true, host: true, hint: true, team: { select: { slug: true } } },
    });
    if (!channel) throw new NotFoundError(`no notification channel ${opts.id}`);
    await tx.notificationChannel.delete({ where: { id: channel.id } });
    await recordAuditEvent({
      tx,
      ...opts.audit,
      action: "channel.delete",
      target: { kind: "channel", id: channel.id, name: `${channel.kind} ${channel.host}` },
      detail: { team: channel.team.slug, kind: channel.kind, host: channel.host, hint: channel.hint },
    });
  });
}
