import { db } from "@/lib/db";

/**
 * Services of a source that a complete scan no longer found are marked gone, not deleted: their history
 * and scores stay readable, and they come back if the directory or repository reappears.
 */
export async function markGoneServices(opts: { sourceId: number; seenPaths: string[] }): Promise<number> {
  const { count } = await db().service.updateMany({
    where: { sourceId: opts.sourceId, goneAt: null, path: { notIn: opts.seenPaths } },
    data: { goneAt: new Date() },
  });
  return count;
}
