import type { Prisma } from "@/lib/generated/prisma/client";
import { findApplicableExemptions } from "@/lib/exemptions/find-applicable-exemptions";
import { FINDING_COLUMNS, toFinding } from "@/lib/persistence/to-finding";
import { writeLatestView } from "@/lib/persistence/write-latest-view";
import type { Finding } from "@/lib/rules/types";
import { applyExemptions } from "@/lib/scoring/apply-exemptions";
import { scoreFindings } from "@/lib/scoring/score-findings";
import type { ServiceScore } from "@/lib/scoring/types";

/**
 * Scores a service's latest combined view (repository and cluster findings) with the exemptions in force at
 * `now`, and stores it on its row (latestScore, latestGrade, latestFactors, latestChecks): what the overview,
 * heatmap, team pages and rollups read. A scan's write passes the findings it holds; an exemption's change or
 * expiry passes none and the service's latest stored findings are read.
 */
export async function rescoreService(opts: {
  tx: Prisma.TransactionClient;
  serviceId: number;
  now: Date;
  findings?: readonly Finding[];
}): Promise<ServiceScore> {
  const findings = opts.findings ?? (await latestFindings(opts.tx, opts.serviceId));
  const exemptions =
    (await findApplicableExemptions({ serviceIds: [opts.serviceId], now: opts.now, client: opts.tx })).get(opts.serviceId) ?? [];
  const judged = applyExemptions({ findings, exemptions });
  const scored = scoreFindings({ findings: judged });
  await opts.tx.service.update({
    where: { id: opts.serviceId },
    data: { latestScore: scored.score, latestGrade: scored.grade },
    select: { id: true },
  });
  await writeLatestView({ tx: opts.tx, serviceId: opts.serviceId, factors: scored.factors, findings: judged });
  return scored;
}

async function latestFindings(tx: Prisma.TransactionClient, serviceId: number): Promise<Finding[]> {
  const target = { select: { findings: { select: FINDING_COLUMNS } } };
  const service = await tx.service.findUnique({ where: { id: serviceId }, select: { latestTarget: target, latestClusterTarget: target } });
  return [...(service?.latestTarget?.findings ?? []), ...(service?.latestClusterTarget?.findings ?? [])].map(toFinding);
}
