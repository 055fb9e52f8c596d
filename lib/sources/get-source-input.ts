import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { findSourceKind } from "@/lib/sources/kinds/registry";
import type { SourceKind } from "@/lib/sources/kinds/types";

/**
 * What a source was added with, as its kind's input (name, schedule and the kind's own fields; never a
 * credential, only where it comes from): what its edit form starts from. Throws NotFoundError for an unknown
 * or deleted source, or one of a kind this version does not know.
 */
export async function getSourceInput(opts: { id: number }): Promise<{ id: number; kind: SourceKind; input: Record<string, unknown> }> {
  const row = await db().source.findFirst({
    where: { id: opts.id, deletedAt: null },
    select: { id: true, kind: true, name: true, schedule: true, location: true, config: true },
  });
  const kind = row ? findSourceKind(row.kind) : undefined;
  if (!row || !kind) throw new NotFoundError(`no source with id ${opts.id}`);
  return { id: row.id, kind: kind.kind, input: kind.fromSource(row) };
}
