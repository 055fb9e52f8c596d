import { db } from "@/lib/db";
import { updateRollupsSafely } from "@/lib/rollups/update-rollups-safely";

/**
 * Services of a source that a complete look no longer found are marked gone, not deleted: their history
 * and scores stay readable, and they come back if the directory or repository reappears. `seenPaths` are
 * the services still there (omitted: none are). With `within` (GitHub repositories' `owner/name`), only
 * those repositories' services are judged: a monorepo scanned on its own says nothing about the other
 * repositories of the source. Today's rollups of their teams and the fleet drop them at once, so the team
 * pages and the fleet figures do not count a service that is gone until some later scan; a scan that marks
 * services gone as it closes passes `refreshRollups: false` and writes its rollups once (finishScan).
 */
export async function markGoneServices(opts: {
  sourceId: number;
  seenPaths?: string[];
  within?: string[];
  refreshRollups?: boolean;
}): Promise<number> {
  const scope = opts.within ? { OR: opts.within.flatMap((name) => [{ path: name }, { path: { startsWith: `${name}/` } }]) } : {};
  const seen = opts.seenPaths ? { path: { notIn: opts.seenPaths } } : {};
  const gone = await db().service.updateManyAndReturn({
    where: { sourceId: opts.sourceId, goneAt: null, ...seen, ...scope },
    data: { goneAt: new Date() },
    select: { teamId: true },
  });
  if (gone.length > 0 && opts.refreshRollups !== false) {
    const teamIds = [...new Set(gone.flatMap((s) => (s.teamId === null ? [] : [s.teamId])))];
    await updateRollupsSafely({ plan: async () => ({ serviceIds: [], teamIds }), context: { sourceId: opts.sourceId, gone: gone.length } });
  }
  return gone.length;
}
