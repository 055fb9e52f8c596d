import { Prisma } from "@/lib/generated/prisma/client";
import { LATEST_FLEET_ROLLUP } from "@/lib/db/latest-fleet-rollup-sql";
import { roundScore } from "@/lib/scoring/score-findings";

export interface FleetScore {
  services: number;
  score: number | null;
}

/** JSON fragment: the latest fleet rollup's service count and mean score, or null before any scan. */
export function fleetScoreSql(): Prisma.Sql {
  return Prisma.sql`(SELECT json_build_object('services', f."services", 'score', f."score")
    FROM ${LATEST_FLEET_ROLLUP} f)`;
}

/**
 * JSON of fleetScoreSql → the headline, rounded in JS like the trend's points (SQL's decimal rounding
 * and JS's binary one disagree on a .x5 edge, and the headline must equal the trend's last day).
 */
export function toFleetScore(value: FleetScore | null): FleetScore {
  if (!value) return { services: 0, score: null };
  return { services: value.services, score: value.score === null ? null : roundScore(value.score) };
}
