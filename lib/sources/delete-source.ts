import type { PgBoss } from "pg-boss";
import { recordAuditEvent, type AuditContext } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { markGoneServices } from "@/lib/persistence/mark-gone-services";
import { closeQueuedScans } from "@/lib/persistence/scan-run/close-queued-scans";
import { scheduleSourceScans } from "@/lib/sources/schedule-source-scans";
import { sourceIdInput } from "@/lib/sources/update-source";

/** The name a deleted source keeps as history: its own, marked, and unique so the name is free again. */
export function deletedSourceName(opts: { name: string; id: number }): string {
  return `${opts.name} (deleted #${opts.id})`;
}

/**
 * Deletes a source softly: it leaves the sources list and the scheduler (its cron entry is removed, and a
 * tick already fired finds it deleted), its queued scans are closed, and its services are marked gone so the
 * fleet, heatmap and team figures stop counting them. History stays readable: its scans (per-target results),
 * its services' pages, scores and findings. The row keeps its id and is renamed "<name> (deleted #<id>)", so
 * the name is free for a new source and history says which source it was. A running scan finishes; its
 * services stay gone. With `audit`, the `source.delete` event commits with the deletion itself. Throws
 * NotFoundError for an unknown or already deleted source.
 */
export async function deleteSource(opts: {
  sourceId: number;
  boss?: PgBoss;
  now?: Date;
  audit?: AuditContext;
}): Promise<{ id: number; name: string; deletedAt: Date; closedScans: number[] }> {
  const sourceId = sourceIdInput.parse(opts.sourceId);
  const deletedAt = opts.now ?? new Date();
  const row = await db().source.findFirst({ where: { id: sourceId, deletedAt: null }, select: { name: true } });
  if (!row) throw new NotFoundError(`no source with id ${sourceId}`);
  // Deleted first: from here the scheduler's tick and "scan now" refuse it, so nothing new starts meanwhile.
  await db().$transaction(async (tx) => {
    const updated = await tx.source.updateMany({
      where: { id: sourceId, deletedAt: null },
      data: { deletedAt, name: deletedSourceName({ name: row.name, id: sourceId }) },
    });
    if (updated.count === 0) throw new NotFoundError(`no source with id ${sourceId}`);
    if (opts.audit)
      await recordAuditEvent({ tx, ...opts.audit, action: "source.delete", target: { kind: "source", id: sourceId, name: row.name } });
  });
  if (opts.boss) await scheduleSourceScans({ boss: opts.boss, sourceId, schedule: null });
  const { closed } = await closeQueuedScans({ sourceId, reason: "source deleted before the scan started" });
  await markGoneServices({ sourceId });
  // A deleted cluster's workloads no longer describe what runs: they stop counting as deployed.
  await db().clusterWorkload.updateMany({ where: { sourceId, goneAt: null }, data: { goneAt: deletedAt } });
  return { id: sourceId, name: row.name, deletedAt, closedScans: closed };
}
