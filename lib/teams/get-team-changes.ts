import { db } from "@/lib/db";
import { utcDay } from "@/lib/db/utc-day";

/**
 * Each team's score change over the last `days` days, by team slug: its latest daily rollup against its
 * rollup on the window's first day or the last one before it. Teams without a rollup that old are left out
 * (nothing to compare). Two index probes per team on DailyTeamScore; no service rows read.
 */
export async function getTeamChanges(opts: { days: number }): Promise<Map<string, number>> {
  const start = utcDay({ minusDays: opts.days });
  const rows = await db().$queryRaw<{ slug: string; delta: number }[]>`
    SELECT c."slug", round((c."to" - c."from")::numeric, 1)::float8 AS "delta" FROM (
      SELECT t."slug",
        (SELECT x."score" FROM "DailyTeamScore" x WHERE x."teamId" = t."id" ORDER BY x."day" DESC LIMIT 1) AS "to",
        (SELECT x."score" FROM "DailyTeamScore" x WHERE x."teamId" = t."id" AND x."day" <= ${start}::date
          ORDER BY x."day" DESC LIMIT 1) AS "from"
      FROM "Team" t) c
    WHERE c."to" IS NOT NULL AND c."from" IS NOT NULL`;
  return new Map(rows.map((r) => [r.slug, r.delta]));
}
