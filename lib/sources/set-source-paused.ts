import type { PgBoss } from "pg-boss";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { scheduleSourceScans } from "@/lib/sources/schedule-source-scans";
import { sourceIdInput } from "@/lib/sources/update-source";

/**
 * Pauses a source (its cron entry is removed, so no scheduled scan fires; "scan now" still works) or resumes
 * it (its schedule, if any, is registered again). Idempotent: pausing a paused source keeps the time it was
 * first paused. A scan already queued or running is left to finish. Throws NotFoundError for an unknown or
 * deleted source.
 */
export async function setSourcePaused(opts: {
  sourceId: number;
  paused: boolean;
  boss?: PgBoss;
  now?: Date;
}): Promise<{ id: number; pausedAt: Date | null; schedule: string | null }> {
  const sourceId = sourceIdInput.parse(opts.sourceId);
  const row = await db().source.findFirst({ where: { id: sourceId, deletedAt: null }, select: { pausedAt: true, schedule: true } });
  if (!row) throw new NotFoundError(`no source with id ${sourceId}`);
  const pausedAt = opts.paused ? (row.pausedAt ?? opts.now ?? new Date()) : null;
  if (pausedAt?.getTime() !== row.pausedAt?.getTime()) await db().source.update({ where: { id: sourceId }, data: { pausedAt } });
  if (opts.boss) await scheduleSourceScans({ boss: opts.boss, sourceId, schedule: opts.paused ? null : row.schedule });
  return { id: sourceId, pausedAt, schedule: row.schedule };
}
