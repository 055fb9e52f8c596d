import { selectJson } from "@/lib/db/select-json";
import { Prisma } from "@/lib/generated/prisma/client";

export interface FleetScore {
  services: number;
  score: number | null;
}

/** JSON fragment: the latest fleet rollup's service count and mean score (one decimal), or null before any scan. */
export function fleetScoreSql(): Prisma.Sql {
  return Prisma.sql`(SELECT json_build_object('services', f."services", 'score', round(f."score"::numeric, 1)::float8)
    FROM "DailyFleetScore" f ORDER BY f."day" DESC LIMIT 1)`;
}

/** JSON of fleetScoreSql → the headline; no rollup yet means no services and no score. */
export function toFleetScore(value: FleetScore | null): FleetScore {
  return value ?? { services: 0, score: null };
}

/**
 * The fleet's headline: how many live, scanned services there are and their mean latest score (null before
 * any scan), from the latest fleet rollup, which every scan rewrites: one row, whatever the fleet's size.
 */
export async function getFleetScore(): Promise<FleetScore> {
  return toFleetScore(await selectJson(fleetScoreSql()));
}
