import { readRows } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import {
  initiativeColumnsSql,
  toInitiativeSummary,
  type InitiativeRow,
  type InitiativeSummary,
} from "@/lib/initiatives/initiative-summary";

/**
 * Initiatives with where each stands, from their progress rollups (never findings): open ones first by
 * deadline, then closed ones, newest first. `open: true` lists only open ones (the overview's section).
 */
export async function listInitiatives(opts: { open?: boolean } = {}): Promise<InitiativeSummary[]> {
  const rows = await readRows<InitiativeRow[]>(Prisma.sql`
    SELECT ${initiativeColumnsSql()} FROM "Initiative" i
    ${opts.open ? Prisma.sql`WHERE i."closedAt" IS NULL` : Prisma.empty}
    ORDER BY i."closedAt" IS NOT NULL, i."deadline", i."closedAt" DESC, i."id"`);
  return rows.map((row) => toInitiativeSummary(row));
}
