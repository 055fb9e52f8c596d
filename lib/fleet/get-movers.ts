import { Prisma } from "@/lib/generated/prisma/client";
import { LATEST_FLEET_ROLLUP } from "@/lib/db/latest-fleet-rollup-sql";
import type { MoverWindow } from "@/lib/scoring/movers";

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
  /** What changed in its repository scans over the window, or null without a scan that old (see updateFleetMovers). */
  changes?: MoverChanges | null;
}

export interface MoverChanges {
  fromCommit: string | null;
  toCommit: string | null;
  /** Checks failing now that did not fail then, and the reverse. */
  started: string[];
  fixed: string[];
}

/**
 * JSON fragment: the live services whose score moved most over the last 7 or 30 days, worst (or best)
 * first, as the latest fleet rollup worked them out after the last scan (see updateFleetMovers): one row
 * read, then names and teams for at most 20 services. A service gone since is left out.
 */
export function moversSql(opts: { days: MoverWindow; limit: number; direction: "worse" | "better" }): Prisma.Sql {
  const path = [String(opts.days), opts.direction];
  return Prisma.sql`(SELECT COALESCE(json_agg(json_build_object('slug', x."slug", 'name', x."name", 'team', x."team",
      'from', x."from", 'to', x."to", 'delta', x."delta", 'changes', x."changes") ORDER BY x."rank"), '[]'::json) FROM (
    SELECT s."slug", s."name", t."name" AS "team", m."from", m."to", m."delta", m."changes", m."rank"
    FROM ${LATEST_FLEET_ROLLUP} f
    CROSS JOIN LATERAL ROWS FROM (jsonb_to_recordset(f."movers" #> ${path}::text[])
      AS ("id" int, "from" float8, "to" float8, "delta" float8, "changes" jsonb))
      WITH ORDINALITY AS m("id", "from", "to", "delta", "changes", "rank")
    JOIN "Service" s ON s."id" = m."id" AND s."goneAt" IS NULL
    LEFT JOIN "Team" t ON t."id" = s."teamId"
    ORDER BY m."rank"
    LIMIT ${Math.max(0, Math.floor(opts.limit))}::int) x)`;
}
