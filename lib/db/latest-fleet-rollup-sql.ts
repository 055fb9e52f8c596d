import { Prisma } from "@/lib/generated/prisma/client";

/**
 * `FROM ${LATEST_FLEET_ROLLUP} f`: the fleet's latest daily rollup, the one row every scan rewrites and the
 * overview's figures (headline, grades, failing factors, movers, per-check counts) are read from. A primary
 * key look-up; columns a reader does not name are never detoasted.
 */
export const LATEST_FLEET_ROLLUP = Prisma.sql`(SELECT * FROM "DailyFleetScore" ORDER BY "day" DESC LIMIT 1)`;
