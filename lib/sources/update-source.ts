import type { PgBoss } from "pg-boss";
import { z } from "zod";
import { recordAuditEvent, type AuditContext } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import { findSourceKind } from "@/lib/sources/kinds/registry";
import { parseSourceInput } from "@/lib/sources/parse-source-input";
import { scheduleSourceScans } from "@/lib/sources/schedule-source-scans";

/** Which source to change; the changes themselves are the kind's input (see updateSource). */
export const sourceIdInput = z.coerce.number().int().positive();

/**
 * A change of a source: its kind's input, every field optional. Top-level fields replace (`schedule: null`
 * makes it on demand), `config` merges into the stored config key by key (a `null` there drops the key, back
 * to its default). Unknown fields are refused by the kind's schema as on create.
 */
export type SourceChanges = Record<string, unknown>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function merge(current: Record<string, unknown>, changes: SourceChanges): Record<string, unknown> {
  const merged = { ...current, ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) };
  if (isRecord(changes.config) && isRecord(current.config)) {
    const config = { ...current.config, ...changes.config };
    merged.config = Object.fromEntries(Object.entries(config).filter(([, v]) => v !== null));
  }
  return merged;
}

/** Each top-level field and config key that differs, as `{ from, to }` (config keys as `config.<key>`). */
function changedFields(opts: { before: Record<string, unknown>; after: Record<string, unknown> }): Record<string, unknown> {
  const flat = (o: Record<string, unknown>) => {
    const { config, ...rest } = o;
    const keys = isRecord(config) ? Object.entries(config).map(([k, v]) => [`config.${k}`, v] as const) : [];
    return new Map<string, unknown>([...Object.entries(rest), ...keys]);
  };
  const [before, after] = [flat(opts.before), flat(opts.after)];
  const changed: Record<string, unknown> = {};
  for (const key of new Set([...before.keys(), ...after.keys()])) {
    const [from, to] = [before.get(key) ?? null, after.get(key) ?? null];
    if (JSON.stringify(from) !== JSON.stringify(to)) changed[key] = { from, to };
  }
  return changed;
}

/**
 * Edits a source: name, schedule and its kind's own fields, validated by the kind's schema and by what only
 * the server can judge (a directory exists, a kubeconfig holds the context) exactly as adding one is. The cron
 * entry follows the new schedule at once, unless the source is paused (it stays unscheduled until resumed).
 * Its scans, services and findings are untouched: the next scan uses the new settings. With `audit`, a
 * `source.update` event naming each changed field (before and after) commits with the row. Throws NotFoundError
 * for an unknown or deleted source, ValidationError (every field's problem) for bad changes or a change of
 * kind, ConflictError for a name another source has.
 */
export async function updateSource(opts: {
  sourceId: number;
  changes: SourceChanges;
  boss?: PgBoss;
  audit?: AuditContext;
}): Promise<{ id: number; name: string; schedule: string | null; paused: boolean }> {
  const sourceId = sourceIdInput.parse(opts.sourceId);
  const row = await db().source.findFirst({
    where: { id: sourceId, deletedAt: null },
    select: { id: true, name: true, kind: true, location: true, config: true, schedule: true, pausedAt: true },
  });
  if (!row) throw new NotFoundError(`no source with id ${sourceId}`);
  const kind = findSourceKind(row.kind);
  if (!kind) throw new ValidationError(`sources of kind "${row.kind}" cannot be edited by this version`);
  const { kind: askedKind, ...changes } = opts.changes;
  if (askedKind !== undefined && askedKind !== row.kind)
    throw new ValidationError("a source's kind cannot change: add a new source instead", {
      fields: { kind: "cannot change" },
      issues: [`kind: a ${row.kind} source stays one; add a new source instead`],
    });
  const parsed = parseSourceInput({ kind, input: merge(kind.fromSource(row), changes) });
  const { name, schedule = null } = parsed as { name: string; schedule?: string | null };
  if (name !== row.name && (await db().source.count({ where: { name, id: { not: row.id } } })) > 0)
    throw new ConflictError(`a source named "${name}" already exists`);
  await kind.validate?.(parsed);
  const { location, config } = kind.toSource(parsed);
  const after = { name, schedule, location, config: (config ?? {}) as Prisma.InputJsonObject };
  // Row, event and cron entry together: a schedule pg-boss refuses leaves the old settings and no event.
  await db().$transaction(async (tx) => {
    await tx.source.update({ where: { id: row.id }, data: after });
    if (opts.audit)
      await recordAuditEvent({
        tx,
        ...opts.audit,
        action: "source.update",
        target: { kind: "source", id: row.id, name },
        detail: {
          changed: changedFields({
            before: { name: row.name, schedule: row.schedule, location: row.location, config: row.config },
            after,
          }),
        },
      });
    if (opts.boss && !row.pausedAt) await scheduleSourceScans({ boss: opts.boss, sourceId: row.id, schedule });
  });
  return { id: row.id, name, schedule, paused: row.pausedAt !== null };
}
