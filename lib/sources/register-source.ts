import type { PgBoss } from "pg-boss";
import { recordAuditEvent, type AuditContext } from "@/lib/audit/record-audit-event";
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
 * no row behind. With `audit`, a `source.create` event (kind, location, schedule, config: variable names,
 * never a credential) is written in the same transaction as the row. Throws ValidationError (with every field's problem) for bad input and ConflictError for a
 * taken name, unless `ifExists: "return"` asks for the existing source back (the demo fleet at start-up).
 */
export async function registerSource(opts: {
  kind: string;
  input: unknown;
  boss?: PgBoss;
  ifExists?: "fail" | "return";
  audit?: AuditContext;
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
  // Row, event and cron entry together: a schedule pg-boss refuses rolls the row and its event back.
  const source = await db().$transaction(async (tx) => {
    const row = await tx.source.create({
      data: { name: input.name, kind: kind.kind, location, schedule, ...(config ? { config } : {}) },
      select: { id: true },
    });
    if (opts.audit)
      await recordAuditEvent({
        tx,
        ...opts.audit,
        action: "source.create",
        target: { kind: "source", id: row.id, name: input.name },
        detail: { kind: kind.kind, location, schedule, config: config ?? {} },
      });
    if (schedule && opts.boss) await scheduleSourceScans({ boss: opts.boss, sourceId: row.id, schedule });
    return row;
  });
  return { id: source.id, schedule, created: true };
}
