import { readRows } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { LATEST_FLEET_ROLLUP } from "@/lib/db/latest-fleet-rollup-sql";
import { CLUSTER_CHECKS, RULES } from "@/lib/rules/registry";

export interface FactorCheck {
  id: string;
  title: string;
  rationale: string;
  effort: string;
  /** Judged on a live cluster rather than on the repository. */
  cluster: boolean;
  passed: number;
  failed: number;
  /** The lowest-scored live services failing it, at most 10; `failed` says how many there are. */
  failing: { slug: string; name: string; score: number | null }[];
}

/** How many failing services per check the page names: the lowest-scored first. */
const WORST_SHOWN = 10;

type Row = { id: string; passed: number | null; failed: number | null; failing: FactorCheck["failing"] };

/**
 * One factor across the fleet: each of its checks (repository and cluster) with how many live services
 * pass and fail it, from the latest fleet rollup's per-check counts (one row, written after every scan;
 * see fleetChecksSql), and the ten lowest-scored services failing it. The page costs the same at 10,000
 * services; the full list of a check's failing services is the heatmap's `check` filter.
 */
export async function getFactorReport(opts: { factor: string }): Promise<{ checks: FactorCheck[] }> {
  const rules = [...RULES.map((r) => ({ ...r, cluster: false })), ...CLUSTER_CHECKS.map((r) => ({ ...r, cluster: true }))].filter(
    (r) => r.factor === opts.factor,
  );
  // The worst failing services two ways, chosen per check by how common the failure is: a common one is
  // found by walking the score index until ten match (-> cannot use the GIN index, so the planner walks);
  // a rare one through the GIN index's few matches (@>). Either reads a few hundred rows at most.
  const worst = (
    match: Prisma.Sql,
  ) => Prisma.sql`COALESCE((SELECT json_agg(json_build_object('slug', w."slug", 'name', w."name", 'score', w."latestScore")
      ORDER BY w."latestScore" ASC NULLS LAST, w."name", w."id") FROM (SELECT s."id", s."slug", s."name", s."latestScore" FROM "Service" s
      WHERE ${match} AND s."goneAt" IS NULL ORDER BY s."latestScore" ASC NULLS LAST, s."name", s."id" LIMIT ${WORST_SHOWN}::int) w), '[]'::json)`;
  const rows = await readRows<Row[]>(Prisma.sql`
    SELECT r."id", (c."counts" ->> 'passed')::int AS "passed", (c."counts" ->> 'failed')::int AS "failed",
      CASE WHEN COALESCE((c."counts" ->> 'failed')::int, 0) = 0 THEN '[]'::json
        WHEN (c."counts" ->> 'failed')::int * 20 >= c."services" THEN ${worst(Prisma.sql`(s."latestChecks" -> r."id") = '"fail"'::jsonb`)}
        ELSE ${worst(Prisma.sql`s."latestChecks" @> jsonb_build_object(r."id", 'fail')`)} END AS "failing"
    FROM unnest(${rules.map((r) => r.id)}::text[]) AS r("id")
    LEFT JOIN LATERAL (SELECT f."checks" -> r."id" AS "counts", f."services" FROM ${LATEST_FLEET_ROLLUP} f) c ON true`);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return {
    checks: rules.map((rule) => ({
      id: rule.id,
      title: rule.title,
      rationale: rule.rationale,
      effort: rule.effort,
      cluster: rule.cluster,
      passed: byId.get(rule.id)?.passed ?? 0,
      failed: byId.get(rule.id)?.failed ?? 0,
      failing: byId.get(rule.id)?.failing ?? [],
    })),
  };
}
