import type { PgBoss } from "pg-boss";
import { z } from "zod";
import { db } from "@/lib/db";
import { ConflictError } from "@/lib/errors";
import { registerLocalSource } from "@/lib/sources/kinds/local/register-local-source";
import { scheduleSourceScans } from "@/lib/sources/schedule-source-scans";

/** What adding a local checkout takes (UI form, API): a directory on the workers' file system. */
export const addLocalSourceInput = z.object({
  name: z.string().trim().min(1).max(100),
  /** Absolute, or relative to the web process's working directory (stored absolute). */
  directory: z.string().trim().min(1).max(4096),
  /** Cron (UTC); null: on demand only; omitted: DOZEN_DEFAULT_SCHEDULE. */
  schedule: z.string().trim().min(9).max(100).nullable().optional(),
});
export type AddLocalSourceInput = z.input<typeof addLocalSourceInput>;

/**
 * Adds a local directory as a new source and registers its cron entry at once. Unlike registerLocalSource
 * (idempotent, for the demo fleet at start-up) a taken name is refused with ConflictError, so a person
 * never silently gets someone else's source back; a missing directory is a ValidationError.
 */
export async function addLocalSource(opts: { input: AddLocalSourceInput; boss?: PgBoss }): Promise<{ id: number; schedule: string | null }> {
  const input = addLocalSourceInput.parse(opts.input);
  const taken = await db().source.findUnique({ where: { name: input.name }, select: { id: true } });
  if (taken) throw new ConflictError(`a source named "${input.name}" already exists`);
  const { id, created } = await registerLocalSource(input);
  if (!created) throw new ConflictError(`a source named "${input.name}" already exists`);
  const { schedule } = await db().source.findUniqueOrThrow({ where: { id }, select: { schedule: true } });
  if (schedule && opts.boss) await scheduleSourceScans({ boss: opts.boss, sourceId: id, schedule });
  return { id, schedule };
}
