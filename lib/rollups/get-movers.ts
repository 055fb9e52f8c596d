import { db } from "@/lib/db";
import type { MoverWindow } from "@/lib/rollups/update-fleet-movers";

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
 * The live services whose score moved most over the last 7 or 30 days, worst (or best) first, as the
 * latest fleet rollup worked them out after the last scan (see updateFleetMovers): one row read, then
 * names and teams for at most 20 services. A service gone since is left out.
 */
export async function getMovers(opts: { days: MoverWindow; limit: number; direction: "worse" | "better" }): Promise<Mover[]> {
  const path = [String(opts.days), opts.direction];
  return db().$queryRaw<Mover[]>`
    SELECT s."slug", s."name", t."name" AS "team", m."from", m."to", m."delta"
    FROM (SELECT f."movers" FROM "DailyFleetScore" f ORDER BY f."day" DESC LIMIT 1) f
    CROSS JOIN LATERAL ROWS FROM (jsonb_to_recordset(f."movers" #> ${path}::text[])
      AS ("id" int, "from" float8, "to" float8, "delta" float8)) WITH ORDINALITY AS m("id", "from", "to", "delta", "rank")
    JOIN "Service" s ON s."id" = m."id" AND s."goneAt" IS NULL
    LEFT JOIN "Team" t ON t."id" = s."teamId"
    ORDER BY m."rank"
    LIMIT ${Math.max(0, Math.floor(opts.limit))}`;
}
