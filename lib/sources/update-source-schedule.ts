import type { PgBoss } from "pg-boss";
import { z } from "zod";
import { recordAuditEvent, type AuditContext } from "@/lib/audit/record-audit-event";
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
 * Changes a source's schedule and its pg-boss cron entry together (with `audit`, and its `source.update`
 * event). Throws NotFoundError for an unknown source and a ZodError for an expression pg-boss could not
 * evaluate.
 */
export async function updateSourceSchedule(opts: {
  input: UpdateSourceScheduleInput;
  boss: PgBoss;
  audit?: AuditContext;
}): Promise<{ schedule: string | null }> {
  const { sourceId, schedule } = updateSourceScheduleInput.parse(opts.input);
  await db().$transaction(async (tx) => {
    const row = await tx.source.findUnique({ where: { id: sourceId }, select: { name: true, schedule: true } });
    if (!row) throw new NotFoundError(`no source with id ${sourceId}`);
    await tx.source.update({ where: { id: sourceId }, data: { schedule } });
    if (opts.audit)
      await recordAuditEvent({
        tx,
        ...opts.audit,
        action: "source.update",
        target: { kind: "source", id: sourceId, name: row.name },
        detail: { changed: { schedule: { from: row.schedule, to: schedule } } },
      });
    await scheduleSourceScans({ boss: opts.boss, sourceId, schedule });
  });
  return { schedule };
}
