import type { Prisma } from "@/lib/generated/prisma/client";
import { rescoreCovered } from "@/lib/persistence/exemptions/rescore-covered";

/**
 * Re-scores services whose team just changed (by hand, in bulk, or by the ownership rules), inside the
 * caller's transaction, the way an exemption's change or expiry does (rescoreCovered): a team-wide exemption
 * of the team a service left stops counting for it, and one of the team it joined starts, at once rather than
 * at its next scan. `teamIds` are the teams the services left; the teams they joined are read. Nothing is
 * re-scored when none of these teams has a team-wide exemption, since nothing else in a score depends on the
 * team. The caller refreshes the rollups of the moved services and the teams they left, as for any move.
 */
export async function rescoreMovedServices(opts: {
  tx: Prisma.TransactionClient;
  serviceIds: readonly number[];
  teamIds: readonly number[];
  now?: Date;
}): Promise<{ serviceIds: number[] }> {
  const { tx } = opts;
  if (opts.serviceIds.length === 0) return { serviceIds: [] };
  const joined = await tx.service.findMany({
    where: { id: { in: [...opts.serviceIds] }, teamId: { not: null } },
    select: { teamId: true },
    distinct: ["teamId"],
  });
  const teams = [...new Set([...opts.teamIds, ...joined.flatMap((s) => (s.teamId === null ? [] : [s.teamId]))])];
  const teamWide = await tx.exemption.findFirst({ where: { scope: "team", teamId: { in: teams } }, select: { id: true } });
  if (!teamWide) return { serviceIds: [] };
  const coverage = opts.serviceIds.map((id) => ({ scope: "service", serviceId: id, teamId: null, sourceId: null }));
  const { serviceIds } = await rescoreCovered({ tx, coverage, now: opts.now ?? new Date() });
  return { serviceIds };
}
