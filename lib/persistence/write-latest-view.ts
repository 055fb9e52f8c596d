import type { Prisma } from "@/lib/generated/prisma/client";
import type { Finding } from "@/lib/rules/types";
import type { FactorScoreResult } from "@/lib/scoring/types";
import { toFactorArray } from "@/lib/scoring/to-factor-array";

/**
 * Stores a service's latest combined view (repository and cluster findings together) on its row: the
 * per-factor scores as one FACTORS-ordered array, and each check that passed or failed as
 * `{ ruleId: outcome }` (`exempt` for a failure an exemption covers: not failing, not passing). The heatmap, its check filter and the fleet rollups read only these. Raw SQL
 * because Prisma's scalar lists cannot hold null elements, and null (no check of the factor applied) must
 * stay distinct from 0 (every check failed).
 */
export async function writeLatestView(opts: {
  tx: Prisma.TransactionClient;
  serviceId: number;
  factors: readonly Pick<FactorScoreResult, "factor" | "score">[];
  findings: readonly (Pick<Finding, "ruleId" | "outcome"> & { exemption?: unknown })[];
}): Promise<void> {
  const values = toFactorArray({ factors: opts.factors });
  const checks: Record<string, string> = {};
  // A failure anywhere wins: a check failing in the cluster fails for the service, even if the repository passes it;
  // an exempt failure wins over a pass but not over a failure nothing exempts.
  const rank: Record<string, number> = { pass: 1, exempt: 2, fail: 3 };
  for (const f of opts.findings) {
    if (f.outcome !== "pass" && f.outcome !== "fail") continue;
    const outcome = f.outcome === "fail" && f.exemption ? "exempt" : f.outcome;
    if ((rank[outcome] ?? 0) > (rank[checks[f.ruleId] ?? ""] ?? 0)) checks[f.ruleId] = outcome;
  }
  await opts.tx.$executeRaw`
    UPDATE "Service" SET "latestFactors" = ${values}::float8[], "latestChecks" = ${JSON.stringify(checks)}::jsonb WHERE "id" = ${opts.serviceId}`;
}
