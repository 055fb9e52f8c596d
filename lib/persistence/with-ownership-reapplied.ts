import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { applyOwnership } from "@/lib/persistence/apply-ownership";
import { rescoreMovedServices } from "@/lib/persistence/exemptions/rescore-moved-services";
import { updateDailyRollups } from "@/lib/rollups/update-daily-rollups";

// Re-applying touches every service: more than Prisma's default 5 s on a large fleet under load.
const TRANSACTION_TIMEOUT_MS = 60_000;

/**
 * Runs a change of the ownership rules and re-applies ownership to every service in the same transaction, so
 * no page ever shows the new rules with the old owners, and re-scores the services that moved (team-wide
 * exemptions follow the team, rescoreMovedServices); then refreshes today's rollups of the services that
 * moved and the teams they left. No scan is needed: what the scans found is kept on each service.
 */
export async function withOwnershipReapplied<T>(
  mutate: (tx: Prisma.TransactionClient) => Promise<T>,
): Promise<{ result: T; moved: number }> {
  const { result, applied } = await db().$transaction(
    async (tx) => {
      const result = await mutate(tx);
      const applied = await applyOwnership({ tx });
      await rescoreMovedServices({ tx, serviceIds: applied.moved, teamIds: applied.leftTeams });
      return { result, applied };
    },
    { timeout: TRANSACTION_TIMEOUT_MS },
  );
  if (applied.moved.length) await updateDailyRollups({ serviceIds: applied.moved, teamIds: applied.leftTeams });
  return { result, moved: applied.moved.length };
}
