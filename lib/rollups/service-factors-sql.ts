import { Prisma } from "@/lib/generated/prisma/client";

/**
 * SQL fragments giving each service (`s`) its latest factors array (FACTORS order) from the rollups: the
 * row of the latest rollup day joins as one hash join on the `day` index; a service without a row that day
 * (not scanned since) falls back to its own latest row, looked up only for those services.
 */
export function serviceFactorsSql(): { join: Prisma.Sql; factors: Prisma.Sql } {
  return {
    join: Prisma.sql`LEFT JOIN "DailyServiceScore" d ON d."serviceId" = s."id"
      AND d."day" = (SELECT max(m."day") FROM "DailyFleetScore" m)`,
    factors: Prisma.sql`COALESCE(d."factors", (SELECT x."factors" FROM "DailyServiceScore" x
      WHERE x."serviceId" = s."id" ORDER BY x."day" DESC LIMIT 1))`,
  };
}
