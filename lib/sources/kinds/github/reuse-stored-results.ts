import { db } from "@/lib/db";
import type { UnmatchedWorkload } from "@/lib/collectors/local/collect-local-source";
import type { ServiceFacts, ServiceKindName } from "@/lib/facts/types";
import { FINDING_COLUMNS, toFinding } from "@/lib/persistence/to-finding";
import type { StoredServiceFacts } from "@/lib/persistence/trim-stored-facts";
import { scoringConfigOf } from "@/lib/pipeline/load-scoring-config";
import type { ScanOutcome } from "@/lib/pipeline/types";
import { rulesVersion } from "@/lib/rules/rules-version";
import { scoreFindings } from "@/lib/scoring/score-findings";
import type { ScoringConfig } from "@/lib/scoring/scoring-config";

/**
 * A repository's services as the source's last scan of this same commit judged them, to score again without a
 * download: their stored findings (re-scored, as the weights travel with them) and stored facts. Stored facts
 * hold no file texts (trimStoredFacts), so the checks cannot run on them again: when the rules (or the
 * repository's custom checks) changed since, this is null and the commit is downloaded again. Null too when
 * a service has no stored target.
 */
export async function reuseStoredResults(opts: {
  scanId: number;
  sourceId: number;
  fullName: string;
  /** The rules version the repository's last scan judged it with (Repository.scannedRulesVersion). */
  scannedRulesVersion: string | null;
}): Promise<{ outcome: ScanOutcome; config: ScoringConfig | undefined } | null> {
  const services = await db().service.findMany({
    where: { sourceId: opts.sourceId, goneAt: null, OR: [{ path: opts.fullName }, { path: { startsWith: `${opts.fullName}/` } }] },
    select: { name: true, path: true, kind: true, latestTarget: { select: { facts: true, findings: { select: FINDING_COLUMNS } } } },
  });
  if (services.length === 0 || services.some((s) => !s.latestTarget?.facts)) return null;
  const first = services[0]?.latestTarget?.facts as unknown as StoredServiceFacts;
  const config = scoringConfigOf({ file: first.repoConfig ?? null });
  if (rulesVersion({ custom: config?.checks }) !== opts.scannedRulesVersion) return null;
  const results = services.map((service) => {
    const findings = (service.latestTarget?.findings ?? []).map(toFinding);
    return {
      key: service.path,
      name: service.name,
      path: service.path,
      kind: (service.kind ?? "http") as ServiceKindName,
      // Stored facts travel only to persistTarget, which stores them as they are (trimming is idempotent).
      facts: service.latestTarget?.facts as unknown as ServiceFacts,
      findings,
      ...scoreFindings({ findings }),
      durationMs: 0,
    };
  });
  return { outcome: { services: results, failures: [], unmatched: await storedUnmatched(opts) }, config };
}

/** The repository's unmatched declarations in the source's latest finished scan before this one (an unchanged commit has the same). */
async function storedUnmatched(opts: { scanId: number; sourceId: number; fullName: string }): Promise<ScanOutcome["unmatched"]> {
  const [row] = await db().$queryRaw<{ unmatched: UnmatchedWorkload[] }[]>`
    SELECT COALESCE(jsonb_agg(e.value - 'repository'), '[]'::jsonb) AS "unmatched"
    FROM (SELECT sc."unmatched" FROM "Scan" sc WHERE sc."sourceId" = ${opts.sourceId} AND sc."id" <> ${opts.scanId}
        AND sc."status" IN ('succeeded', 'partial') ORDER BY sc."createdAt" DESC LIMIT 1) last
      CROSS JOIN LATERAL jsonb_array_elements(last."unmatched") e
    WHERE e.value ->> 'repository' = ${opts.fullName}`;
  return (row?.unmatched ?? []).map((w) => ({ ...w, repository: opts.fullName }));
}
