import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { MOVER_WINDOWS, MOVERS_KEPT } from "@/lib/scoring/movers";
import { teamMovesSql } from "@/lib/db/team-moves-sql";

/**
 * Works out the fleet's biggest movers as of `day` and stores them on that day's fleet rollup, so the
 * overview reads two short lists from one row instead of comparing 10,000 services per page view. Per
 * window: each live, scored service's latest score against its rollup on the window's first day, or the
 * last one before it (the day is one index-only scan of the (day, serviceId, score) index; only services
 * missing that day probe further back). Deltas are rounded as shown, so a 0.04 wobble is not a move.
 * Then each kept mover gets what changed (see MOVER_CHANGES): at most 80 services, two targets each. Teams'
 * moves go on the same row (`teamMovers`), from the team rollups this scan just wrote.
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
  // Teams: every one, moved or not (60 at 10,000 services), from the team rollups this scan just wrote.
  const teams = MOVER_WINDOWS.map(
    (w) => Prisma.sql`${String(w)}::text, COALESCE((SELECT jsonb_agg(jsonb_build_object('id', m."id", 'from', m."from", 'to', m."to")
      ORDER BY m."id") FROM (${teamMovesSql({ since: Prisma.sql`${opts.day}::date - ${w}::int`, asOf: Prisma.sql`${opts.day}::date` })}) m), '[]'::jsonb)`,
  );
  // One statement: the windows' lists are built and annotated with their changes before the row is written.
  await db().$executeRaw`
    UPDATE "DailyFleetScore" f SET "movers" = (
      SELECT COALESCE(jsonb_object_agg(w.key, (
        SELECT jsonb_object_agg(d.key, COALESCE((
          SELECT jsonb_agg(m.value || jsonb_build_object('changes', ${moverChangesSql(opts.day)}) ORDER BY m.ord)
          FROM jsonb_array_elements(d.value) WITH ORDINALITY AS m(value, ord)), '[]'::jsonb))
        FROM jsonb_each(w.value) d)), '{}'::jsonb)
      FROM jsonb_each(jsonb_build_object(${Prisma.join(windows)})) w),
      "teamMovers" = jsonb_build_object(${Prisma.join(teams)})
    WHERE f."day" = ${opts.day}::date`;
}

/**
 * What changed for a mover (`m.value`, window `w.key` days), as SQL: its latest repository scan against the
 * last one of the same source finished by the end of the window's first day, `{ fromCommit, toCommit,
 * started, fixed }` (checks failing now but not then, and the reverse), or null without a scan that old.
 * Cluster findings are not compared: a move they caused shows no checks here.
 */
function moverChangesSql(day: string): Prisma.Sql {
  const failing = (target: Prisma.Sql) =>
    Prisma.sql`SELECT x."ruleId" FROM "Finding" x WHERE x."targetId" = ${target} AND x."outcome" = 'fail'`;
  const list = (a: Prisma.Sql, b: Prisma.Sql) =>
    Prisma.sql`COALESCE((SELECT jsonb_agg(r."ruleId" ORDER BY r."ruleId") FROM (${failing(a)} EXCEPT ${failing(b)}) r), '[]'::jsonb)`;
  return Prisma.sql`(SELECT jsonb_build_object('fromCommit', pt."commit", 'toCommit', ct."commit",
      'started', ${list(Prisma.sql`ct."id"`, Prisma.sql`pt."id"`)}, 'fixed', ${list(Prisma.sql`pt."id"`, Prisma.sql`ct."id"`)})
    FROM "Service" s
    JOIN "ScanTarget" ct ON ct."id" = s."latestTargetId"
    JOIN "Scan" cs ON cs."id" = ct."scanId"
    CROSS JOIN LATERAL (SELECT t."id", t."commit" FROM "ScanTarget" t JOIN "Scan" sc ON sc."id" = t."scanId"
      WHERE t."serviceId" = s."id" AND t."status" = 'succeeded' AND sc."sourceId" = cs."sourceId"
        AND t."createdAt" < ${day}::date - w.key::int + 1
      ORDER BY t."createdAt" DESC LIMIT 1) pt
    WHERE s."id" = (m.value ->> 'id')::int)`;
}
