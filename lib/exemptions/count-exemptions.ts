import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { exemptionCoversSql } from "@/lib/exemptions/find-applicable-exemptions";

/** Exemptions in force, those of them expiring within 7 days, and those awaiting approval. */
export interface ExemptionCounts {
  active: number;
  expiringSoon: number;
  pending: number;
}

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * How many exemptions are in force (and how many of them expire within 7 days, how many wait for approval):
 * the whole fleet's, one team's (its own and its services'), or one service's (its own, its team's, its
 * source's). One small aggregate over the Exemption table, never over findings.
 */
export async function countExemptions(opts: { team?: string; service?: string; now?: Date } = {}): Promise<ExemptionCounts> {
  const now = opts.now ?? new Date();
  const scope = opts.service
    ? Prisma.sql`JOIN "Service" s ON s."slug" = ${opts.service} AND ${exemptionCoversSql()}`
    : opts.team
      ? Prisma.sql`JOIN "Team" t ON t."slug" = ${opts.team}
          AND (e."teamId" = t."id" OR e."serviceId" IN (SELECT "id" FROM "Service" WHERE "teamId" = t."id"))`
      : Prisma.empty;
  const [row] = await db().$queryRaw<ExemptionCounts[]>`SELECT ${exemptionCountColumnsSql({ now })} FROM "Exemption" e ${scope}`;
  return row ?? { active: 0, expiringSoon: 0, pending: 0 };
}

/** SQL: the select list of ExemptionCounts over the exemptions `e` a query reads (a page's statement, or countExemptions). */
export function exemptionCountColumnsSql(opts: { now: Date }): Prisma.Sql {
  const soon = new Date(opts.now.getTime() + WEEK_MS);
  return Prisma.sql`count(*) FILTER (WHERE e."status" = 'active' AND (e."expiresAt" IS NULL OR e."expiresAt" > ${opts.now}))::int AS "active",
      count(*) FILTER (WHERE e."status" = 'active' AND e."expiresAt" > ${opts.now} AND e."expiresAt" <= ${soon})::int AS "expiringSoon",
      count(*) FILTER (WHERE e."status" = 'pending')::int AS "pending"`;
}
