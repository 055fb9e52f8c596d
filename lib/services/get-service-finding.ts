import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Evidence, Outcome } from "@/lib/rules/types";

/** One check's latest finding on a service, with what its guide is written from. */
export interface ServiceFindingForGuide {
  ruleId: string;
  outcome: Outcome;
  evidence: Evidence[];
  /** The service's languages: the guide's language sections fall back on them. */
  languages: string[];
}

/**
 * A service's latest finding of one check, from its latest repository scan or its latest cluster audit
 * (`origin`), as the service page shows it: what a finding's guide is rendered from when someone opens it.
 * Null when no service has the slug or its latest target has no finding of that check. One statement.
 */
export async function getServiceFinding(opts: {
  slug: string;
  ruleId: string;
  origin: "repository" | "cluster";
}): Promise<ServiceFindingForGuide | null> {
  // One of two fixed column names, never the caller's text.
  const target = Prisma.raw(opts.origin === "cluster" ? `s."latestClusterTargetId"` : `s."latestTargetId"`);
  const [row] = await db().$queryRaw<ServiceFindingForGuide[]>`
    SELECT f."ruleId", f."outcome"::text AS "outcome", f."evidence", s."languages"
    FROM "Service" s JOIN "Finding" f ON f."targetId" = ${target}
    WHERE s."slug" = ${opts.slug} AND f."ruleId" = ${opts.ruleId}
    LIMIT 1`;
  return row ?? null;
}
