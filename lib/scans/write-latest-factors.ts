import type { Prisma } from "@/lib/generated/prisma/client";
import type { FactorScoreResult } from "@/lib/scan/types";
import { toFactorArray } from "@/lib/scoring/to-factor-array";

/**
 * Stores a service's latest per-factor scores as one FACTORS-ordered array. Raw SQL because Prisma's
 * scalar lists cannot hold null elements, and null (no check of the factor applied) must stay distinct
 * from 0 (every check failed).
 */
export async function writeLatestFactors(opts: {
  tx: Prisma.TransactionClient;
  serviceId: number;
  factors: readonly Pick<FactorScoreResult, "factor" | "score">[];
}): Promise<void> {
  const values = toFactorArray({ factors: opts.factors });
  await opts.tx.$executeRaw`UPDATE "Service" SET "latestFactors" = ${values}::float8[] WHERE "id" = ${opts.serviceId}`;
}
