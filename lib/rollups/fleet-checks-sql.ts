import { Prisma } from "@/lib/generated/prisma/client";

/**
 * A scalar subquery: `{ ruleId: { passed, failed } }` over the live services' latest combined views
 * (Service.latestChecks), as the fleet's daily rollup stores it. One pass over one row per service,
 * whatever the findings history holds (≈0.1 s at 10,000 services, once per scan), so a factor page
 * reads one row instead.
 */
export function fleetChecksSql(): Prisma.Sql {
  return Prisma.sql`(SELECT COALESCE(jsonb_object_agg(k."rule", jsonb_build_object('passed', k."passed", 'failed', k."failed")), '{}'::jsonb) FROM (
    SELECT e."key" AS "rule", count(*) FILTER (WHERE e."value" = 'pass')::int AS "passed",
      count(*) FILTER (WHERE e."value" = 'fail')::int AS "failed"
    FROM "Service" s CROSS JOIN LATERAL jsonb_each_text(s."latestChecks") e
    WHERE s."goneAt" IS NULL
    GROUP BY e."key") k)`;
}
