import path from "node:path";
import { stat } from "node:fs/promises";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { ValidationError } from "@/lib/errors";

/**
 * Registers (or returns) a local directory as a source. The path is stored absolute so workers started
 * from another directory scan the same tree.
 */
export async function registerLocalSource(opts: {
  name: string;
  directory: string;
  schedule?: string | null;
}): Promise<{ id: number; created: boolean }> {
  const location = path.resolve(opts.directory);
  const info = await stat(location).catch(() => null);
  if (!info?.isDirectory()) throw new ValidationError(`"${opts.directory}" is not a directory`);
  const existing = await db().source.findUnique({ where: { name: opts.name }, select: { id: true } });
  if (existing) return { id: existing.id, created: false };
  const source = await db().source.create({
    data: {
      name: opts.name,
      kind: "local",
      location,
      schedule: opts.schedule === undefined ? env().DOZEN_DEFAULT_SCHEDULE : opts.schedule,
    },
    select: { id: true },
  });
  return { id: source.id, created: true };
}
