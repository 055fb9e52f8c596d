import type { PgBoss } from "pg-boss";
import { recordAuditEvent, type AuditContext } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { scheduleSourceScans } from "@/lib/sources/schedule-source-scans";
import { sourceIdInput } from "@/lib/sources/update-source";

/**
 * Pauses a source (its cron entry is removed, so no scheduled scan fires; "scan now" still works) or resumes
 * it (its schedule, if any, is registered again). Idempotent: pausing a paused source keeps the time it was
 * first paused. A scan already queued or running is left to finish. With `audit`, a change (not a repeat)
 * writes `source.pause` or `source.resume` in the row's transaction. Throws NotFoundError for an unknown or
 * deleted source.
 */
export async function setSourcePaused(opts: {
  sourceId: number;
  paused: boolean;
  boss?: PgBoss;
  now?: Date;
  audit?: AuditContext;
}): Promise<{ id: number; pausedAt: Date | null; schedule: string | null }> {
  const sourceId = sourceIdInput.parse(opts.sourceId);
  const row = await db().source.findFirst({
    where: { id: sourceId, deletedAt: null },
    select: { name: true, pausedAt: true, schedule: true },
  });
  if (!row) throw new NotFoundError(`no source with id ${sourceId}`);
  const pausedAt = opts.paused ? (row.pausedAt ?? opts.now ?? new Date()) : null;
  if (pausedAt?.getTime() !== row.pausedAt?.getTime())
    await db().$transaction(async (tx) => {
      await tx.source.update({ where: { id: sourceId }, data: { pausedAt } });
      if (opts.audit)
        await recordAuditEvent({
          tx,
          ...opts.audit,
          action: opts.paused ? "source.pause" : "source.resume",
          target: { kind: "source", id: sourceId, name: row.name },
          detail: { schedule: row.schedule },
        });
    });
  if (opts.boss) await scheduleSourceScans({ boss: opts.boss, sourceId, schedule: opts.paused ? null : row.schedule });
  return { id: sourceId, pausedAt, schedule: row.schedule };
}
