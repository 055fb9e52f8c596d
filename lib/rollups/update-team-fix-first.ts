import { db } from "@/lib/db";
import { rankFailingRules, type FailingRule } from "@/lib/scoring/rank-fix-first";

/** Service names a team's fix-first item keeps; its count says how many services fail the check. */
export const FIX_FIRST_NAMES_KEPT = 5;

/**
 * Works out each team's "fix first" as of `day` (its live services' failing checks from their latest
 * scans, grouped by rule in SQL and ranked by rankFailingRules) and stores it on the team's rollup for that
 * day. A team of 170 services fails ~2,000 checks: grouping them once per scan, not per page view, keeps
 * the team page a read of one row. Teams with nothing failing get an empty list.
 */
export async function updateTeamFixFirst(opts: { day: string; teamIds: number[] }): Promise<void> {
  if (opts.teamIds.length === 0) return;
  const rows = await db().$queryRaw<(FailingRule & { teamId: number })[]>`
    SELECT s."teamId", f."ruleId", f."factor", max(f."weight") AS "weight", min(f."effort") AS "effort",
      count(DISTINCT s."id")::int AS "serviceCount",
      (array_agg(DISTINCT s."name" ORDER BY s."name"))[1:${FIX_FIRST_NAMES_KEPT}::int] AS "services"
    FROM "Service" s JOIN "Finding" f ON f."targetId" = s."latestTargetId"
    WHERE s."teamId" = ANY(${opts.teamIds}::int[]) AND s."goneAt" IS NULL AND f."outcome" = 'fail'
    GROUP BY s."teamId", f."ruleId", f."factor"`;
  const byTeam = new Map<number, FailingRule[]>();
  for (const { teamId, ...rule } of rows) byTeam.set(teamId, [...(byTeam.get(teamId) ?? []), rule]);
  const lists = Object.fromEntries([...byTeam].map(([teamId, rules]) => [teamId, rankFailingRules({ rules })]));
  await db().$executeRaw`
    UPDATE "DailyTeamScore" d SET "fixFirst" = COALESCE(${JSON.stringify(lists)}::jsonb -> d."teamId"::text, '[]'::jsonb)
    WHERE d."day" = ${opts.day}::date AND d."teamId" = ANY(${opts.teamIds}::int[])`;
}
