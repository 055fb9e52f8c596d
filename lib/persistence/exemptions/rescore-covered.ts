import type { Prisma } from "@/lib/generated/prisma/client";
import { rescoreService } from "@/lib/persistence/rescore-service";

/** What an exemption covers, as stored. */
export interface Coverage {
  scope: string;
  serviceId: number | null;
  teamId: number | null;
  sourceId: number | null;
}

/**
 * Re-scores every live service an exemption covers (one service, a team's, a source's) at `now`, so a change
 * to it shows at once on every page; answers which services and teams changed, for the rollups.
 */
export async function rescoreCovered(opts: {
  tx: Prisma.TransactionClient;
  coverage: readonly Coverage[];
  now: Date;
}): Promise<{ serviceIds: number[]; teamIds: number[] }> {
  const or: Prisma.ServiceWhereInput[] = opts.coverage.map((c) =>
    c.scope === "team" ? { teamId: c.teamId ?? -1 } : c.scope === "source" ? { sourceId: c.sourceId ?? -1 } : { id: c.serviceId ?? -1 },
  );
  if (or.length === 0) return { serviceIds: [], teamIds: [] };
  const services = await opts.tx.service.findMany({ where: { goneAt: null, OR: or }, select: { id: true, teamId: true } });
  for (const s of services) await rescoreService({ tx: opts.tx, serviceId: s.id, now: opts.now });
  return {
    serviceIds: services.map((s) => s.id),
    teamIds: [...new Set(services.flatMap((s) => (s.teamId === null ? [] : [s.teamId])))],
  };
}
