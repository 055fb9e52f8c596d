import { Prisma } from "@/lib/generated/prisma/client";
import { exemptionInForceSql } from "@/lib/exemptions/find-applicable-exemptions";
import type { Evidence, Finding, Outcome } from "@/lib/rules/types";
import { applyExemptions, type ApplicableExemption } from "@/lib/scoring/apply-exemptions";
import { findingFingerprint } from "@/lib/scoring/finding-fingerprint";

export interface ServiceFinding {
  ruleId: string;
  factor: string;
  outcome: Outcome;
  message: string;
  evidence: Evidence[];
  weight: number;
  effort: string;
  /** Where it was seen: the repository's latest scan, or the service's latest cluster audit. */
  origin: "repository" | "cluster";
  /** What an exemption of this one finding names (lib/scoring/finding-fingerprint.ts). */
  fingerprint: string;
  /** The exemption in force that keeps this failure out of the score; null when it counts. */
  exemption: ApplicableExemption | null;
}

/** What latestFindingsSql and exemptionsInForceSql give for one service, as PostgreSQL's JSON. */
export interface LatestFindingsJson {
  findings: Omit<ServiceFinding, "fingerprint" | "exemption">[];
  exemptions: (Omit<ApplicableExemption, "expiresAt"> & { expiresAt: string | null })[];
}

/**
 * SQL: the findings of the latest repository scan and latest cluster audit of the service aliased `s`, as one
 * JSON array, heaviest first then by check (what the service page lists and the findings CSV exports).
 */
export function latestFindingsSql(): Prisma.Sql {
  return Prisma.sql`COALESCE((SELECT json_agg(json_build_object('ruleId', f."ruleId", 'factor', f."factor", 'outcome', f."outcome",
          'message', f."message", 'evidence', f."evidence", 'weight', f."weight", 'effort', f."effort",
          'origin', CASE WHEN f."targetId" = s."latestTargetId" THEN 'repository' ELSE 'cluster' END)
        ORDER BY f."weight" DESC, f."ruleId") FROM "Finding" f WHERE f."targetId" IN (s."latestTargetId", s."latestClusterTargetId")), '[]')`;
}

/** SQL: the exemptions in force at `now` for the service aliased `s` (exemptionInForceSql), as one JSON array. */
export function exemptionsInForceSql(opts: { now: Date }): Prisma.Sql {
  return Prisma.sql`COALESCE((SELECT json_agg(json_build_object('id', e."id", 'scope', e."scope", 'ruleId', e."ruleId", 'fingerprint', e."fingerprint",
          'kind', e."kind", 'reason', e."reason", 'expiresAt', e."expiresAt", 'requestedBy', e."requestedBy", 'approvedBy', e."approvedBy",
          'origin', e."origin")) FROM "Exemption" e WHERE ${exemptionInForceSql(opts)}), '[]')`;
}

/**
 * A service's latest findings with the exemption that keeps each failure out of its score, judged as scoring
 * judges them (applyExemptions), and each finding's fingerprint: what the service page and the CSV show.
 * Typed as a Finding too, so the page scores them (scoreFindings reads only what a stored finding has).
 */
export function judgeLatestFindings(json: LatestFindingsJson): (Finding & ServiceFinding)[] {
  return applyExemptions({
    findings: json.findings as unknown as (Finding & Omit<ServiceFinding, "fingerprint" | "exemption">)[],
    exemptions: json.exemptions.map((e) => ({ ...e, expiresAt: e.expiresAt === null ? null : new Date(e.expiresAt) })),
  }).map((f) => ({ ...f, fingerprint: findingFingerprint(f) }));
}
