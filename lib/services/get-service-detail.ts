import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { serviceTrendSql, toServiceTrend, type ServiceTrendPoint } from "@/lib/services/get-service-trend";
import type { TrendJson } from "@/lib/trends/trend-point";
import type { Evidence, Outcome } from "@/lib/rules/types";

/** Days of score history the service page draws. */
const TREND_DAYS = 180;

export interface ServiceFinding {
  ruleId: string;
  factor: string;
  outcome: Outcome;
  message: string;
  evidence: Evidence[];
  weight: number;
  effort: string;
}

export interface ServiceDetail {
  id: number;
  slug: string;
  name: string;
  path: string;
  languages: string[];
  latestScore: number | null;
  latestGrade: string | null;
  latestScanAt: Date | null;
  ownerSource: string | null;
  latestClusterTargetId: number | null;
  team: { name: string; slug: string } | null;
  source: { name: string; kind: string; location: string };
  commit: string | null;
  findings: ServiceFinding[];
  factorScores: { factor: string; score: number | null; passed: number; failed: number }[];
  /** Daily score over the last 180 days from the rollups, oldest first. */
  trend: ServiceTrendPoint[];
}

/**
 * One service's page data: its latest scan's factor scores and every finding with evidence, and its score
 * history from the rollups. Reads only the latest target's findings, never older scans. One statement
 * (findings, factor scores and trend aggregated as JSON in PostgreSQL): the service page is the most
 * visited, and each extra round trip costs more than the aggregation. Null when no service has this slug.
 */
export async function getServiceDetail(opts: { slug: string }): Promise<ServiceDetail | null> {
  const [service] = await db().$queryRaw<(Omit<ServiceDetail, "trend"> & { trend: TrendJson })[]>`
    SELECT s."id", s."slug", s."name", s."path", s."languages", s."latestScore", s."latestGrade", s."latestScanAt",
      s."ownerSource", s."latestClusterTargetId", st."commit",
      CASE WHEN t."id" IS NULL THEN NULL ELSE json_build_object('name', t."name", 'slug', t."slug") END AS "team",
      json_build_object('name', src."name", 'kind', src."kind", 'location', src."location") AS "source",
      COALESCE((SELECT json_agg(json_build_object('ruleId', f."ruleId", 'factor', f."factor", 'outcome', f."outcome",
          'message', f."message", 'evidence', f."evidence", 'weight', f."weight", 'effort', f."effort")
        ORDER BY f."weight" DESC, f."ruleId") FROM "Finding" f WHERE f."targetId" = s."latestTargetId"), '[]') AS "findings",
      COALESCE((SELECT json_agg(json_build_object('factor', fs."factor", 'score', fs."score", 'passed', fs."passed",
          'failed', fs."failed")) FROM "FactorScore" fs WHERE fs."targetId" = s."latestTargetId"), '[]') AS "factorScores",
      ${serviceTrendSql({ serviceId: Prisma.sql`s."id"`, days: TREND_DAYS })} AS "trend"
    FROM "Service" s
    JOIN "Source" src ON src."id" = s."sourceId"
    LEFT JOIN "Team" t ON t."id" = s."teamId"
    LEFT JOIN "ScanTarget" st ON st."id" = s."latestTargetId"
    WHERE s."slug" = ${opts.slug}`;
  return service ? { ...service, trend: toServiceTrend(service.trend) } : null;
}
