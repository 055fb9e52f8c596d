import { db } from "@/lib/db";

/**
 * Services of a source that a complete scan no longer found are marked gone, not deleted: their history
 * and scores stay readable, and they come back if the directory or repository reappears. With `within`
 * (a GitHub repository's `owner/name`), only that repository's services are judged: a monorepo scanned
 * on its own says nothing about the other repositories of the source.
 */
export async function markGoneServices(opts: { sourceId: number; seenPaths: string[]; within?: string }): Promise<number> {
  const scope = opts.within ? { OR: [{ path: opts.within }, { path: { startsWith: `${opts.within}/` } }] } : {};
  const { count } = await db().service.updateMany({
    where: { sourceId: opts.sourceId, goneAt: null, path: { notIn: opts.seenPaths }, ...scope },
    data: { goneAt: new Date() },
  });
  return count;
}
