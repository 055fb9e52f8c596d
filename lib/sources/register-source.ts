import type { PgBoss } from "pg-boss";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { ConflictError, ValidationError } from "@/lib/errors";
import { findSourceKind } from "@/lib/sources/kinds/registry";
import { parseSourceInput } from "@/lib/sources/parse-source-input";
import { scheduleSourceScans } from "@/lib/sources/schedule-source-scans";

/**
 * Adds a source of any kind: its input is validated by the kind's schema (a schedule pg-boss can evaluate
 * included) and by what only the server can judge, the row is created with the kind's location and config
 * (never a credential), and its cron entry is registered at once (keyed by source id, as syncSchedules does)
 * so it is scanned without a worker restart. Nothing is kept when any step fails: a refused schedule leaves
 * no row behind. Throws ValidationError (with every field's problem) for bad input and ConflictError for a
 * taken name, unless `ifExists: "return"` asks for the existing source back (the demo fleet at start-up).
 */
export async function registerSource(opts: {
  kind: string;
  input: unknown;
  boss?: PgBoss;
  ifExists?: "fail" | "return";
}): Promise<{ id: number; schedule: string | null; created: boolean }> {
  const kind = findSourceKind(opts.kind);
  if (!kind)
    throw new ValidationError(`unknown source kind "${opts.kind}"`, {
      fields: { kind: "not a kind of source Dozen scans" },
      issues: [`kind: "${opts.kind}" is not a kind of source Dozen scans`],
    });
  const parsed = parseSourceInput({ kind, input: opts.input });
  const input = parsed as { name: string; schedule?: string | null };
  const taken = await db().source.findUnique({ where: { name: input.name }, select: { id: true, schedule: true } });
  if (taken && opts.ifExists === "return") return { id: taken.id, schedule: taken.schedule, created: false };
  if (taken) throw new ConflictError(`a source named "${input.name}" already exists`);
  await kind.validate?.(parsed);
  const { location, config } = kind.toSource(parsed);
  const schedule = input.schedule === undefined ? env().DOZEN_DEFAULT_SCHEDULE : input.schedule;
  const source = await db().source.create({
    data: { name: input.name, kind: kind.kind, location, schedule, ...(config ? { config } : {}) },
    select: { id: true },
  });
  if (schedule && opts.boss) {
    try {
      await scheduleSourceScans({ boss: opts.boss, sourceId: source.id, schedule });
    } catch (error) {
      await db().source.delete({ where: { id: source.id } });
      throw error;
    }
  }
  return { id: source.id, schedule, created: true };
}
