import type { Logger } from "pino";
import { db } from "@/lib/db";
import { updateDailyRollups } from "@/lib/rollups/update-daily-rollups";

/**
 * After migrations were applied to a database that already holds scans, today's team and fleet rollups are
 * rewritten from each service's latest rollup, so what a migration added to them (a fleet's movers, a
 * team's fix first) holds real values at once instead of an empty default until the next scan. Service
 * rows are left alone: a day a service was not scanned stays absent from its history.
 */
export async function refreshRollupsAfterMigration(opts: { log: Logger }): Promise<void> {
  const scored = await db().service.count({ where: { latestScanAt: { not: null } } });
  if (scored === 0) return;
  const teams = await db().team.findMany({ select: { id: true } });
  const { teams: refreshed } = await updateDailyRollups({ serviceIds: [], teamIds: teams.map((t) => t.id) });
  opts.log.info({ teams: refreshed, services: scored }, "today's team and fleet rollups refreshed after the schema change");
}
