import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { utcDay } from "@/lib/rollups/utc-day";

export interface Mover {
  slug: string;
  name: string;
  team: string | null;
  /** Score on or before the start of the window. */
  from: number;
  /** Latest score. */
  to: number;
  /** to − from, rounded to one decimal; negative means worse. */
  delta: number;
}

/**
 * The live services whose score moved most over the last 7 or 30 days: latest score against the service's
 * rollup on the window's first day, or the last one before it. The window's day is one hash join on the
 * `day` index; only services missing that day's row look further back, one index probe each.
 */
export async function getMovers(opts: { days: 7 | 30; limit: number; direction: "worse" | "better" }): Promise<Mover[]> {
  const start = utcDay({ minusDays: opts.days });
  const worse = opts.direction === "worse";
  return db().$queryRaw<Mover[]>`
    SELECT m."slug", m."name", m."team", round(m."from"::numeric, 1)::float8 AS "from",
      round(m."to"::numeric, 1)::float8 AS "to", round((m."to" - m."from")::numeric, 1)::float8 AS "delta"
    FROM (
      SELECT s."slug", s."name", t."name" AS "team", s."latestScore" AS "to",
        COALESCE(d."score", (SELECT x."score" FROM "DailyServiceScore" x
          WHERE x."serviceId" = s."id" AND x."day" < ${start}::date ORDER BY x."day" DESC LIMIT 1)) AS "from"
      FROM "Service" s
      LEFT JOIN "DailyServiceScore" d ON d."serviceId" = s."id" AND d."day" = ${start}::date
      LEFT JOIN "Team" t ON t."id" = s."teamId"
      WHERE s."goneAt" IS NULL AND s."latestScore" IS NOT NULL
    ) m
    WHERE ${worse ? Prisma.sql`round((m."to" - m."from")::numeric, 1) < 0` : Prisma.sql`round((m."to" - m."from")::numeric, 1) > 0`}
    ORDER BY (m."to" - m."from") ${worse ? Prisma.sql`ASC` : Prisma.sql`DESC`}, m."name"
    LIMIT ${opts.limit}`;
}
