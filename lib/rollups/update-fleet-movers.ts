import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { MOVER_WINDOWS, MOVERS_KEPT } from "@/lib/scoring/movers";

/**
 * Works out the fleet's biggest movers as of `day` and stores them on that day's fleet rollup, so the
 * overview reads two short lists from one row instead of comparing 10,000 services per page view. Per
 * window: each live, scored service's latest score against its rollup on the window's first day, or the
 * last one before it (the day is one index-only scan of the (day, serviceId, score) index; only services
 * missing that day probe further back). Deltas are rounded as shown, so a 0.04 wobble is not a move.
 */
export async function updateFleetMovers(opts: { day: string }): Promise<void> {
  const windows = MOVER_WINDOWS.map(
    (w) => Prisma.sql`${String(w)}::text, (
    WITH m AS (
      SELECT s."id", s."latestScore" AS "to", COALESCE(d."score", (SELECT x."score" FROM "DailyServiceScore" x
          WHERE x."serviceId" = s."id" AND x."day" < ${opts.day}::date - ${w}::int ORDER BY x."day" DESC LIMIT 1)) AS "from"
      FROM "Service" s
      LEFT JOIN "DailyServiceScore" d ON d."serviceId" = s."id" AND d."day" = ${opts.day}::date - ${w}::int
      WHERE s."goneAt" IS NULL AND s."latestScore" IS NOT NULL),
    r AS (SELECT m."id", round(m."from"::numeric, 1)::float8 AS "from", round(m."to"::numeric, 1)::float8 AS "to",
            round((m."to" - m."from")::numeric, 1)::float8 AS "delta" FROM m WHERE m."from" IS NOT NULL)
    SELECT jsonb_build_object(
      'worse', COALESCE((SELECT jsonb_agg(x ORDER BY x."delta", x."id") FROM
        (SELECT * FROM r WHERE r."delta" < 0 ORDER BY r."delta", r."id" LIMIT ${MOVERS_KEPT}) x), '[]'::jsonb),
      'better', COALESCE((SELECT jsonb_agg(x ORDER BY x."delta" DESC, x."id") FROM
        (SELECT * FROM r WHERE r."delta" > 0 ORDER BY r."delta" DESC, r."id" LIMIT ${MOVERS_KEPT}) x), '[]'::jsonb)))`,
  );
  await db().$executeRaw`
    UPDATE "DailyFleetScore" SET "movers" = jsonb_build_object(${Prisma.join(windows)}) WHERE "day" = ${opts.day}::date`;
}
