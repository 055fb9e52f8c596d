import { readRows } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { fleetScoreSql, toFleetScore, type FleetScore } from "@/lib/fleet/get-fleet-score";
import { UNOWNED_COUNT_SQL } from "@/lib/heatmap/list-heatmap-filters";

export interface FleetHeadline {
  fleet: FleetScore;
  unowned: number;
}

/**
 * The overview's headline alone (fleet score, live services, unowned), from the latest fleet rollup row and one
 * index count: a statement of a millisecond or two, so the page can paint it while the rest of the overview
 * (getOverviewPage) is still being read.
 */
export async function getFleetHeadline(): Promise<FleetHeadline> {
  const [row] = await readRows<{ fleet: FleetScore | null; unowned: number }[]>(Prisma.sql`
    SELECT ${fleetScoreSql()} AS "fleet", ${UNOWNED_COUNT_SQL} AS "unowned"`);
  return { fleet: toFleetScore(row?.fleet ?? null), unowned: row?.unowned ?? 0 };
}
