import { Prisma } from "@/lib/generated/prisma/client";
import { LATEST_FLEET_ROLLUP } from "@/lib/db/latest-fleet-rollup-sql";
import { utcDay } from "@/lib/db/utc-day";
import { FACTORS, type FactorId } from "@/lib/factors/factors";
import { roundScore } from "@/lib/scoring/score-findings";
import type { MoverWindow } from "@/lib/scoring/movers";
import { teamMovesSql } from "@/lib/db/team-moves-sql";

/** A team whose score moved over a window: latest rollup against the last one on or before its first day. */
export interface TeamMover {
  slug: string;
  name: string;
  from: number;
  to: number;
  delta: number;
}

/** A factor whose mean moved over a window (the fleet's, or one team's). */
export interface FactorMover {
  factor: FactorId;
  from: number;
  to: number;
  delta: number;
}

/**
 * A check whose count of failing services moved over a window, `from` and `to` services failing it; `delta`
 * is `from − to`, signed like a score's: negative when more services fail it now.
 */
export interface CheckMover {
  ruleId: string;
  from: number;
  to: number;
  delta: number;
}

/** What moved over a window besides services: teams, factors and checks, each worse and better. */
export interface BreakdownMovers {
  teams: { worse: TeamMover[]; better: TeamMover[] };
  factors: { worse: FactorMover[]; better: FactorMover[] };
  checks: { worse: CheckMover[]; better: CheckMover[] };
}

const windowStart = (days: number) => utcDay({ minusDays: days });

/**
 * JSON fragment: every team's latest score and its score on the window's first day (or the last rollup before
 * it); teams without a rollup that old, or unscored now, are left out. Two index probes per team.
 */
export function teamMoversSql(opts: { days: number }): Prisma.Sql {
  return Prisma.sql`(SELECT COALESCE(json_agg(json_build_object('slug', c."slug", 'name', c."name", 'from', c."from", 'to', c."to")), '[]'::json)
    FROM (${teamMovesSql({ since: Prisma.sql`${windowStart(opts.days)}::date`, asOf: null })}) c)`;
}

/**
 * JSON fragment: the same teams' moves as the latest fleet rollup holds them (updateFleetMovers worked them out
 * after the last scan), with the teams' names now: one row read and the teams by id, no team rollups probed.
 */
export function rolledUpTeamMoversSql(opts: { days: MoverWindow }): Prisma.Sql {
  return Prisma.sql`(SELECT COALESCE(json_agg(json_build_object('slug', t."slug", 'name', t."name", 'from', m."from", 'to', m."to")), '[]'::json)
    FROM ${LATEST_FLEET_ROLLUP} f
    CROSS JOIN LATERAL jsonb_to_recordset(f."teamMovers" -> ${String(opts.days)}) AS m("id" int, "from" float8, "to" float8)
    JOIN "Team" t ON t."id" = m."id")`;
}

/**
 * JSON fragment: factor means now and at the window's start, `{ from: [...], to: [...] }` in FACTORS order,
 * from the fleet's rollups, or one team's (`teamId`, an SQL expression). Null parts when no rollup is that old.
 */
export function factorMoversSql(opts: { days: number; teamId?: Prisma.Sql }): Prisma.Sql {
  const table = opts.teamId ? Prisma.sql`"DailyTeamScore"` : Prisma.sql`"DailyFleetScore"`;
  const where = opts.teamId ? Prisma.sql`x."teamId" = ${opts.teamId}` : Prisma.sql`true`;
  return Prisma.sql`json_build_object(
    'to', (SELECT x."factors" FROM ${table} x WHERE ${where} ORDER BY x."day" DESC LIMIT 1),
    'from', (SELECT x."factors" FROM ${table} x WHERE ${where} AND x."day" <= ${windowStart(opts.days)}::date ORDER BY x."day" DESC LIMIT 1))`;
}

/**
 * JSON fragment: per check, how many live services fail it now (the latest fleet rollup's per-check counts) and
 * at the window's start, for the checks whose count changed. Empty when no fleet rollup is that old.
 */
export function checkMoversSql(opts: { days: number }): Prisma.Sql {
  return Prisma.sql`(SELECT COALESCE(json_agg(json_build_object('ruleId', m."ruleId", 'from', m."from", 'to', m."to")), '[]'::json)
    FROM (SELECT n.key AS "ruleId", COALESCE((p."checks" -> n.key ->> 'failed')::int, 0) AS "from", COALESCE((n.value ->> 'failed')::int, 0) AS "to"
      FROM ${LATEST_FLEET_ROLLUP} f
      CROSS JOIN LATERAL (SELECT y."checks" FROM "DailyFleetScore" y WHERE y."day" <= ${windowStart(opts.days)}::date
        ORDER BY y."day" DESC LIMIT 1) p
      CROSS JOIN LATERAL jsonb_each(f."checks") n) m
    WHERE m."from" <> m."to")`;
}

type Moved = { from: number; to: number; delta: number };

/** Worst first and best first, `limit` each, ties by name; what did not move is left out. */
function split<T extends Moved>(items: T[], name: (item: T) => string, limit: number): { worse: T[]; better: T[] } {
  const byName = (a: T, b: T) => name(a).localeCompare(name(b));
  return {
    worse: items
      .filter((i) => i.delta < 0)
      .sort((a, b) => a.delta - b.delta || byName(a, b))
      .slice(0, limit),
    better: items
      .filter((i) => i.delta > 0)
      .sort((a, b) => b.delta - a.delta || byName(a, b))
      .slice(0, limit),
  };
}

/** JSON of teamMoversSql → teams that got worse and better, rounded like the trend's points. */
export function toTeamMovers(rows: { slug: string; name: string; from: number; to: number }[], limit: number) {
  const movers = rows.map((r) => {
    const from = roundScore(r.from);
    const to = roundScore(r.to);
    return { slug: r.slug, name: r.name, from, to, delta: roundScore(to - from) };
  });
  return split(movers, (m) => m.name, limit);
}

/** JSON of factorMoversSql → per factor the mean then and now; factors without both are left out. */
export function toFactorMovers(value: { from: (number | null)[] | null; to: (number | null)[] | null }, limit: number) {
  const movers: FactorMover[] = [];
  for (const [i, f] of FACTORS.entries()) {
    const then = value.from?.[i];
    const now = value.to?.[i];
    if (then == null || now == null) continue;
    const from = roundScore(then);
    const to = roundScore(now);
    movers.push({ factor: f.id as FactorId, from, to, delta: roundScore(to - from) });
  }
  return split(movers, (m) => m.factor, limit);
}

/**
 * JSON of checkMoversSql → checks failing in more services ("worse": the delta is the services lost, negative)
 * and in fewer ("better"). The sign follows the score's: a check failing in 3 more services moved by −3.
 */
export function toCheckMovers(rows: { ruleId: string; from: number; to: number }[], limit: number) {
  const movers = rows.map((r) => ({ ruleId: r.ruleId, from: r.from, to: r.to, delta: r.from - r.to }));
  return split(movers, (m) => m.ruleId, limit);
}
