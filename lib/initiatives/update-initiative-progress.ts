import { db } from "@/lib/db";
import { utcDay } from "@/lib/db/utc-day";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Scope } from "@/lib/initiatives/initiative-input";
import { goalFactorIndex, judgeGoal, type GoalStatus } from "@/lib/initiatives/judge-goal";
import { readInitiativeRules } from "@/lib/initiatives/read-initiative-rules";

interface ServiceRow {
  id: number;
  teamId: number | null;
  score: number | null;
  grade: string | null;
  factor: number | null;
  check: string | null;
}

/**
 * Works out where each open initiative stands, once per scan (from the daily rollups' writer) and when an
 * initiative is made or changed: each live service in its scope is judged (judgeGoal) on its latest
 * combined view and kept in InitiativeService, then the day's DailyInitiativeProgress row (totals and
 * per-team counts) is rewritten from those rows. `serviceIds` limits the judging to the services a scan
 * wrote (a service that left the scope — another team, another kind — loses its row); without it every
 * service in scope is judged again. `initiativeIds` limits the initiatives (default: every open one).
 * Pages then read these rows, never findings.
 */
export async function updateInitiativeProgress(
  opts: { day?: Date | string; serviceIds?: number[]; initiativeIds?: number[] } = {},
): Promise<number> {
  const day = typeof opts.day === "string" ? opts.day : utcDay({ date: opts.day });
  const initiatives = await db().initiative.findMany({
    where: { closedAt: null, ...(opts.initiativeIds ? { id: { in: opts.initiativeIds } } : {}) },
    select: { id: true, goal: true, scope: true },
  });
  for (const initiative of initiatives) await updateOne({ ...initiative, day, serviceIds: opts.serviceIds });
  return initiatives.length;
}

async function updateOne(opts: { id: number; goal: unknown; scope: unknown; day: string; serviceIds?: number[] }): Promise<void> {
  const { goal, scope } = readInitiativeRules(opts);
  const ids = opts.serviceIds;
  if (ids?.length !== 0) {
    const services = await db().$queryRaw<ServiceRow[]>`
      SELECT s."id", s."teamId", s."latestScore" AS "score", s."latestGrade" AS "grade",
        ${factorSql(goal.kind === "factor" ? goalFactorIndex(goal) : null)} AS "factor",
        ${goal.kind === "check" ? Prisma.sql`s."latestChecks" ->> ${goal.checkId}` : Prisma.sql`NULL::text`} AS "check"
      FROM "Service" s
      WHERE s."goneAt" IS NULL ${await scopeSql(scope)} ${ids ? Prisma.sql`AND s."id" = ANY(${ids}::int[])` : Prisma.empty}`;
    const judged = services.map((s) => ({ ...s, ...judgeGoal({ goal, view: s }) }));
    const kept = judged.map((s) => s.id);
    // Services judged before that are no longer in scope (or, judging everything, no longer live).
    await db().$executeRaw`
      DELETE FROM "InitiativeService" i WHERE i."initiativeId" = ${opts.id}
        ${ids ? Prisma.sql`AND i."serviceId" = ANY(${ids}::int[])` : Prisma.empty} AND NOT (i."serviceId" = ANY(${kept}::int[]))`;
    if (judged.length) await writeJudged({ initiativeId: opts.id, judged });
  }
  // Services marked gone since (a scan of another source, a deleted source) leave every initiative.
  await db().$executeRaw`
    DELETE FROM "InitiativeService" i USING "Service" s
    WHERE i."initiativeId" = ${opts.id} AND s."id" = i."serviceId" AND s."goneAt" IS NOT NULL`;
  await db().$executeRaw`
    WITH t AS (
      SELECT COALESCE(i."teamId"::text, 'unowned') AS k,
        count(*) FILTER (WHERE i."status" <> 'notApplicable')::int AS services,
        count(*) FILTER (WHERE i."status" = 'met')::int AS met
      FROM "InitiativeService" i WHERE i."initiativeId" = ${opts.id} GROUP BY 1)
    INSERT INTO "DailyInitiativeProgress" ("initiativeId", "day", "services", "met", "teams")
    SELECT ${opts.id}, ${opts.day}::date, COALESCE(sum(t.services), 0)::int, COALESCE(sum(t.met), 0)::int,
      COALESCE(jsonb_object_agg(t.k, jsonb_build_array(t.services, t.met)) FILTER (WHERE t.services > 0), '{}'::jsonb)
    FROM t
    ON CONFLICT ("initiativeId", "day") DO UPDATE
      SET "services" = EXCLUDED."services", "met" = EXCLUDED."met", "teams" = EXCLUDED."teams"`;
}

function factorSql(index: number | null): Prisma.Sql {
  // Postgres arrays are 1-based.
  return index === null ? Prisma.sql`NULL::float8` : Prisma.sql`s."latestFactors"[${index + 1}::int]`;
}

/** The scope as a WHERE fragment: teams by slug, kinds, sources by name, tiers; an empty list does not narrow. */
async function scopeSql(scope: Scope): Promise<Prisma.Sql> {
  const parts: Prisma.Sql[] = [];
  if (scope.teams.length)
    parts.push(Prisma.sql`AND s."teamId" IN (SELECT t."id" FROM "Team" t WHERE t."slug" = ANY(${scope.teams}::text[]))`);
  if (scope.kinds.length) parts.push(Prisma.sql`AND s."kind" = ANY(${scope.kinds}::text[])`);
  if (scope.sources.length)
    parts.push(Prisma.sql`AND s."sourceId" IN (SELECT x."id" FROM "Source" x WHERE x."name" = ANY(${scope.sources}::text[]))`);
  if (scope.tiers.length) parts.push(Prisma.sql`AND s."tier" = ANY(${scope.tiers}::int[])`);
  return parts.length ? Prisma.join(parts, " ") : Prisma.empty;
}

async function writeJudged(opts: {
  initiativeId: number;
  judged: { id: number; teamId: number | null; status: GoalStatus; value: number | null }[];
}): Promise<void> {
  const { judged } = opts;
  await db().$executeRaw`
    INSERT INTO "InitiativeService" ("initiativeId", "serviceId", "teamId", "status", "value", "updatedAt")
    SELECT ${opts.initiativeId}, j.sid, j.tid, j.status, j.value, now()
    FROM unnest(${judged.map((s) => s.id)}::int[], ${judged.map((s) => s.teamId)}::int[],
      ${judged.map((s) => s.status)}::text[], ${judged.map((s) => s.value)}::float8[]) AS j(sid, tid, status, value)
    ON CONFLICT ("initiativeId", "serviceId") DO UPDATE
      SET "teamId" = EXCLUDED."teamId", "status" = EXCLUDED."status", "value" = EXCLUDED."value", "updatedAt" =
        CASE WHEN "InitiativeService"."status" = EXCLUDED."status" THEN "InitiativeService"."updatedAt" ELSE now() END`;
}
