import { readRows } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { serviceTrendSql, toServiceTrend, type ServiceTrendPoint } from "@/lib/services/get-service-trend";
import type { TrendJson } from "@/lib/trends/trend-point";
import type { FactorScoreResult } from "@/lib/scoring/types";
import type { DeployedBy } from "@/lib/facts/types";
import { scoreFindings } from "@/lib/scoring/score-findings";
import {
  exemptionsInForceSql,
  judgeLatestFindings,
  latestFindingsSql,
  type LatestFindingsJson,
  type ServiceFinding,
} from "@/lib/services/judge-latest-findings";
import { exemptionCoversSql } from "@/lib/exemptions/find-applicable-exemptions";
import { exemptionCountColumnsSql, type ExemptionCounts } from "@/lib/exemptions/count-exemptions";
import { pendingExemptionsSql, toPendingExemption, type ExemptionSummary } from "@/lib/exemptions/list-exemptions";
import { exemptionHistorySql, toExemptionChange, type ExemptionChange } from "@/lib/exemptions/list-exemption-history";
import { fromJsonTimestamp } from "@/lib/db/json-timestamp";
import { PREPARED } from "@/lib/db/prepared-statements";

/** Days of score history the service page draws. */
const TREND_DAYS = 180;

export interface ServiceDetail {
  id: number;
  slug: string;
  name: string;
  path: string;
  languages: string[];
  /** http, grpc, worker, job, tool, datastore or static (null before the first repository scan). */
  kind: string | null;
  /** What made it a service (an image the repository builds, a Dockerfile, a module, a deploy declaration). */
  basis: string | null;
  /** The deploy declarations joined to it, each with how (from its latest repository scan's facts). */
  deployedBy: DeployedBy[];
  latestScore: number | null;
  latestGrade: string | null;
  latestScanAt: Date | null;
  ownerSource: string | null;
  /** Which rule or line gave the owner ("rule 3: repository `acme/pay-*`", "set by alice on 2026-12-06"). */
  ownerDetail: string | null;
  /** The repository it lives in (`acme/shop`), null for a service only a cluster saw. */
  repository: string | null;
  latestClusterTargetId: number | null;
  team: { name: string; slug: string } | null;
  source: { name: string; kind: string; location: string };
  commit: string | null;
  findings: ServiceFinding[];
  /** Per factor, the combined view of the repository's and the cluster's findings: what the heatmap shows. */
  factorScores: FactorScoreResult[];
  /** Daily score over the last 180 days from the rollups, oldest first. */
  trend: ServiceTrendPoint[];
  /** Exemptions its code declares that could not be applied (malformed, too long), each in a sentence. */
  exemptionProblems: string[];
  /** Its tier, 1 (most critical) to 4; null: none declared. */
  tier: number | null;
  /** Tiers declared that are not 1–4 (its files, its workloads' labels), ignored, each in a sentence. */
  tierProblems: string[];
  /** Exemptions covering it (its own, its team's, its source's): in force, expiring within 7 days, pending. */
  exemptionCounts: ExemptionCounts;
  /** Those awaiting approval, newest first (at most 500). */
  pendingExemptions: ExemptionSummary[];
  /** What was done to them, newest first (at most 200), from the audit log. */
  exemptionHistory: ExemptionChange[];
}

/** Exemptions awaiting approval, and history entries, the page lists. */
const PENDING_LISTED = 500;
const HISTORY_LISTED = 200;

/**
 * One service's page data: the findings of its latest repository scan and of its latest cluster audit, each
 * saying where it was seen, the factor scores of the two together (the same combined view the heatmap and
 * the service's score show), and its score history from the rollups. Reads only the latest targets, never
 * older scans; and the exemptions covering it (counts, those pending, their history). One statement (findings,
 * trend and exemptions aggregated as JSON in PostgreSQL): the service page is the most visited, and each extra
 * round trip costs more than the aggregation (the exemption reads were five Prisma calls, twice the CPU of the
 * rest of the page's data). Null when no service has this slug.
 */
export async function getServiceDetail(opts: { slug: string; now?: Date }): Promise<ServiceDetail | null> {
  const now = opts.now ?? new Date();
  const [service] = await readRows<
    (Omit<ServiceDetail, "trend" | "factorScores" | "findings" | "pendingExemptions" | "exemptionHistory"> &
      LatestFindingsJson & {
        trend: TrendJson;
        pendingExemptions: Parameters<typeof toPendingExemption>[0][];
        exemptionHistory: (Omit<Parameters<typeof toExemptionChange>[0], "at"> & { at: string })[];
      })[]
  >(Prisma.sql`
    SELECT ${PREPARED} s."id", s."slug", s."name", s."path", s."languages", s."kind", s."latestScore", s."latestGrade", s."latestScanAt",
      s."ownerSource", s."ownerDetail", s."repository", s."latestClusterTargetId", st."commit", s."tier",
      st."facts" -> 'service' ->> 'basis' AS "basis", COALESCE(st."facts" -> 'deployedBy', '[]'::jsonb) AS "deployedBy",
      COALESCE(st."facts" -> 'exemptionProblems', '[]'::jsonb) AS "exemptionProblems",
      COALESCE(st."facts" -> 'service' -> 'tierProblems', '[]'::jsonb)
        || COALESCE((SELECT ct."facts" -> 'tierProblems' FROM "ScanTarget" ct WHERE ct."id" = s."latestClusterTargetId"), '[]'::jsonb) AS "tierProblems",
      CASE WHEN t."id" IS NULL THEN NULL ELSE json_build_object('name', t."name", 'slug', t."slug") END AS "team",
      json_build_object('name', src."name", 'kind', src."kind", 'location', src."location") AS "source",
      ${latestFindingsSql()} AS "findings",
      ${exemptionsInForceSql({ now })} AS "exemptions",
      ${serviceTrendSql({ serviceId: Prisma.sql`s."id"`, days: TREND_DAYS })} AS "trend",
      (SELECT row_to_json(c) FROM (SELECT ${exemptionCountColumnsSql({ now })} FROM "Exemption" e WHERE ${exemptionCoversSql()}) c)
        AS "exemptionCounts",
      ${pendingExemptionsSql({ limit: PENDING_LISTED })} AS "pendingExemptions",
      ${exemptionHistorySql({ limit: HISTORY_LISTED })} AS "exemptionHistory"
    FROM "Service" s
    JOIN "Source" src ON src."id" = s."sourceId"
    LEFT JOIN "Team" t ON t."id" = s."teamId"
    LEFT JOIN "ScanTarget" st ON st."id" = s."latestTargetId"
    WHERE s."slug" = ${opts.slug}`);
  if (!service) return null;
  const { exemptions, findings: rows, pendingExemptions, exemptionHistory, ...rest } = service;
  // Scored like the service itself (persistTarget's combined view, the same exemptions): the tiles and the heatmap agree.
  const findings = judgeLatestFindings({ findings: rows, exemptions });
  const { factors } = scoreFindings({ findings });
  return {
    ...rest,
    findings,
    factorScores: factors,
    trend: toServiceTrend(service.trend),
    pendingExemptions: pendingExemptions.map((e) => toPendingExemption(e, now)),
    exemptionHistory: exemptionHistory.map((e) => toExemptionChange({ ...e, at: fromJsonTimestamp(e.at) })),
  };
}
