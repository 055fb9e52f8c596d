import { db } from "@/lib/db";
import type { Evidence, Outcome } from "@/lib/rules/types";

export interface ServiceFinding {
  ruleId: string;
  factor: string;
  outcome: Outcome;
  message: string;
  evidence: Evidence[];
  weight: number;
  effort: string;
}

/**
 * One service's latest scan: its factor scores and every finding with evidence. Reads only the latest
 * target's findings, never older scans; the score history comes from the rollups (getServiceTrend).
 * Null when no service has this slug.
 */
export async function getServiceDetail(opts: { slug: string }) {
  const service = await db().service.findUnique({
    where: { slug: opts.slug },
    select: {
      id: true,
      slug: true,
      name: true,
      path: true,
      languages: true,
      latestScore: true,
      latestGrade: true,
      latestScanAt: true,
      ownerSource: true,
      team: { select: { name: true, slug: true } },
      source: { select: { name: true, kind: true, location: true } },
      latestTarget: {
        select: {
          id: true,
          commit: true,
          findings: {
            select: { ruleId: true, factor: true, outcome: true, message: true, evidence: true, weight: true, effort: true },
            orderBy: [{ weight: "desc" }, { ruleId: "asc" }],
          },
          factorScores: { select: { factor: true, score: true, passed: true, failed: true } },
        },
      },
    },
  });
  if (!service) return null;
  const { latestTarget, ...rest } = service;
  return {
    ...rest,
    commit: latestTarget?.commit ?? null,
    findings: (latestTarget?.findings ?? []).map((f) => ({ ...f, evidence: f.evidence as unknown as Evidence[] })) as ServiceFinding[],
    factorScores: latestTarget?.factorScores ?? [],
  };
}

export type ServiceDetail = NonNullable<Awaited<ReturnType<typeof getServiceDetail>>>;
