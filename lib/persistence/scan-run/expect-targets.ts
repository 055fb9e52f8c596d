import { db } from "@/lib/db";

/**
 * Records how many targets a scan expects, so its progress reads "37 of 49":
 * - `total`: the scanner knows them all at once (a directory, a cluster);
 * - `firstTotal`: set only while none is recorded, so a retried fan-out never undoes what finished jobs added;
 * - `more`: a fanned-out job found more (a monorepo) or fewer (an empty repository) than the one it counted for.
 */
export async function expectTargets(
  opts: { scanId: number } & ({ total: number } | { firstTotal: number } | { more: number }),
): Promise<void> {
  if ("total" in opts) await db().scan.update({ where: { id: opts.scanId }, data: { targetsTotal: opts.total } });
  else if ("firstTotal" in opts)
    await db().scan.updateMany({ where: { id: opts.scanId, targetsTotal: 0 }, data: { targetsTotal: opts.firstTotal } });
  else if (opts.more !== 0) await db().scan.update({ where: { id: opts.scanId }, data: { targetsTotal: { increment: opts.more } } });
}

/**
 * A fanned-out scan whose jobs have all settled while its counters still fall short (a job that died after
 * announcing its services and before writing them all): every target that will ever arrive has, so the
 * total shrinks to what is done.
 */
export async function settleExpectedTargets(opts: { scanId: number }): Promise<void> {
  await db()
    .$executeRaw`UPDATE "Scan" SET "targetsTotal" = "targetsDone" WHERE id = ${opts.scanId} AND status = 'running' AND "targetsDone" < "targetsTotal"`;
}
