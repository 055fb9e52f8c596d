import { db } from "@/lib/db";
import { teamMoversSql } from "@/lib/fleet/get-breakdown-movers";

/**
 * Each team's score change over the last `days` days, by team slug: its latest daily rollup against its
 * rollup on the window's first day or the last one before it (teamMoversSql, which the overview's team movers
 * read too). Teams without a rollup that old are left out (nothing to compare). Two index probes per team on
 * DailyTeamScore; no service rows read.
 */
export async function getTeamChanges(opts: { days: number }): Promise<Map<string, number>> {
  const rows = await db().$queryRaw<{ slug: string; delta: number }[]>`
    SELECT m ->> 'slug' AS "slug", round(((m ->> 'to')::float8 - (m ->> 'from')::float8)::numeric, 1)::float8 AS "delta"
    FROM json_array_elements(${teamMoversSql({ days: opts.days })}) m`;
  return new Map(rows.map((r) => [r.slug, r.delta]));
}
