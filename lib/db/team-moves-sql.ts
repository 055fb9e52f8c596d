import { Prisma } from "@/lib/generated/prisma/client";

/**
 * SQL rows (`id`, `slug`, `name`, `from`, `to`): each team's latest rollup on or before `asOf` (any day when
 * null) against its rollup on `since` or the last one before it; teams without both, or unscored at either,
 * are left out. Two index probes per team, as lateral joins (written as scalar subqueries filtered outside,
 * PostgreSQL ran each probe twice). What the fleet rollup stores per scan (updateFleetMovers) and what the
 * teams list's 7-day change reads.
 */
export function teamMovesSql(opts: { since: Prisma.Sql; asOf: Prisma.Sql | null }): Prisma.Sql {
  const upTo = opts.asOf ? Prisma.sql`AND x."day" <= ${opts.asOf}` : Prisma.empty;
  return Prisma.sql`SELECT t."id", t."slug", t."name", a."score" AS "from", z."score" AS "to"
    FROM "Team" t
    CROSS JOIN LATERAL (SELECT x."score" FROM "DailyTeamScore" x WHERE x."teamId" = t."id" ${upTo} ORDER BY x."day" DESC LIMIT 1) z
    CROSS JOIN LATERAL (SELECT x."score" FROM "DailyTeamScore" x WHERE x."teamId" = t."id" AND x."day" <= ${opts.since}
      ORDER BY x."day" DESC LIMIT 1) a
    WHERE z."score" IS NOT NULL AND a."score" IS NOT NULL`;
}
