import type { PgBoss } from "pg-boss";
import { z } from "zod";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { scheduleField } from "@/lib/sources/schedule-field";
import { scheduleSourceScans } from "@/lib/sources/schedule-source-scans";

/** What changing a source's schedule takes: its id and a cron expression (UTC), empty for on demand. */
export const updateSourceScheduleInput = z.object({
  sourceId: z.coerce.number().int().positive(),
  schedule: scheduleField,
});
export type UpdateSourceScheduleInput = z.input<typeof updateSourceScheduleInput>;

/**
 * Changes a source's schedule and its pg-boss cron entry together. Throws NotFoundError for an unknown
 * source and a ZodError for an expression pg-boss could not evaluate.
 */
export async function updateSourceSchedule(opts: { input: UpdateSourceScheduleInput; boss: PgBoss }): Promise<{ schedule: string | null }> {
  const { sourceId, schedule } = updateSourceScheduleInput.parse(opts.input);
  const updated = await db().source.updateMany({ where: { id: sourceId }, data: { schedule } });
  if (updated.count === 0) throw new NotFoundError(`no source with id ${sourceId}`);
  await scheduleSourceScans({ boss: opts.boss, sourceId, schedule });
  return { schedule };
}
