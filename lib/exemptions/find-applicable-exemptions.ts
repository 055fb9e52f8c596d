import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ApplicableExemption } from "@/lib/scoring/apply-exemptions";

type Client = Pick<Prisma.TransactionClient, "$queryRaw">;

/**
 * SQL: exemption `e` is in force at `now` (active, not expired) and covers the service aliased `s` by itself,
 * its team or its source. The one definition, shared by scoring and the service page.
 */
export function exemptionInForceSql(opts: { now: Date }): Prisma.Sql {
  return Prisma.sql`e."status" = 'active' AND (e."expiresAt" IS NULL OR e."expiresAt" > ${opts.now}) AND ${exemptionCoversSql()}`;
}

/** SQL: exemption `e` covers the service aliased `s` by itself, its team or its source, whatever its status. */
export function exemptionCoversSql(): Prisma.Sql {
  return Prisma.sql`((e."scope" IN ('finding', 'service') AND e."serviceId" = s."id")
        OR (e."scope" = 'team' AND e."teamId" = s."teamId")
        OR (e."scope" = 'source' AND e."sourceId" = s."sourceId"))`;
}

/**
 * The exemptions in force for each of `serviceIds` at `now`: active (approved where the policy asks), not yet
 * expired, and covering the service by itself, by its team or by its source. What scoring applies
 * (applyExemptions), read in the caller's transaction when it has one, so a scan's write scores with the
 * exemptions its own sync just wrote.
 */
export async function findApplicableExemptions(opts: {
  serviceIds: readonly number[];
  now: Date;
  client?: Client;
}): Promise<Map<number, ApplicableExemption[]>> {
  const found = new Map<number, ApplicableExemption[]>(opts.serviceIds.map((id) => [id, []]));
  if (opts.serviceIds.length === 0) return found;
  const rows = await (opts.client ?? db()).$queryRaw<(ApplicableExemption & { serviceId: number })[]>`
    SELECT s."id" AS "serviceId", e."id", e."scope", e."ruleId", e."fingerprint", e."kind", e."reason", e."expiresAt",
      e."requestedBy", e."approvedBy", e."origin"
    FROM "Service" s
    JOIN "Exemption" e ON ${exemptionInForceSql({ now: opts.now })}
    WHERE s."id" IN (${Prisma.join(opts.serviceIds)})`;
  for (const { serviceId, ...e } of rows) found.get(serviceId)?.push(e);
  return found;
}
