import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ServiceScanResult } from "@/lib/pipeline/types";
import { combineServiceScore } from "@/lib/scoring/combine-service-score";
import { ensureService } from "@/lib/persistence/ensure-service";
import { FINDING_COLUMNS, toFinding } from "@/lib/persistence/to-finding";
import { writeLatestView } from "@/lib/persistence/write-latest-view";

/**
 * Writes one scanned target (its facts, findings, factor scores and the service's latest score) in one
 * transaction, so a worker killed mid-scan leaves either the whole target or nothing. Re-running the same
 * target of the same scan is a no-op: a retried job resumes where the killed one stopped. The target keeps
 * the repository's own score; the service's latest score combines it with the service's latest cluster
 * audit, if any, the same way a cluster scan does, so neither kind of scan overwrites the other's view.
 */
export async function persistTargetResult(opts: {
  scanId: number;
  sourceId: number;
  result: ServiceScanResult;
  commit?: string | null;
}): Promise<{ targetId: number; skipped: boolean }> {
  const { result } = opts;
  return db().$transaction(async (tx) => {
    const existing = await tx.scanTarget.findUnique({
      where: { scanId_targetKey: { scanId: opts.scanId, targetKey: result.key } },
      select: { id: true },
    });
    if (existing) return { targetId: existing.id, skipped: true };

    const service = await ensureService({
      tx,
      sourceId: opts.sourceId,
      name: result.name,
      path: result.path,
      languages: result.facts.service.languages,
      owners: result.facts.service.owners,
      ownerSource: result.facts.service.ownerFrom,
    });
    const target = await tx.scanTarget.create({
      data: {
        scanId: opts.scanId,
        serviceId: service.id,
        targetKey: result.key,
        status: "succeeded",
        commit: opts.commit ?? result.facts.vcs.commit,
        facts: result.facts as unknown as Prisma.InputJsonValue,
        score: result.score,
        grade: result.grade,
        durationMs: Math.round(result.durationMs),
      },
      select: { id: true, createdAt: true },
    });
    await tx.finding.createMany({
      data: result.findings.map((f) => ({
        targetId: target.id,
        ruleId: f.ruleId,
        ruleVersion: f.ruleVersion,
        factor: f.factor,
        outcome: f.outcome,
        message: f.message,
        evidence: f.evidence as unknown as Prisma.InputJsonValue,
        weight: f.weight,
        effort: f.effort,
      })),
    });
    await tx.factorScore.createMany({
      data: result.factors.map((s) => ({
        targetId: target.id,
        serviceId: service.id,
        factor: s.factor,
        score: s.score,
        passed: s.passed,
        failed: s.failed,
      })),
    });
    const cluster = await tx.service.findUnique({
      where: { id: service.id },
      select: { latestClusterTarget: { select: { findings: { select: FINDING_COLUMNS } } } },
    });
    const clusterFindings = cluster?.latestClusterTarget?.findings.map(toFinding) ?? [];
    const combined = clusterFindings.length ? combineServiceScore({ repoFindings: result.findings, clusterFindings }) : result;
    await tx.service.update({
      where: { id: service.id },
      data: {
        latestScore: combined.score,
        latestGrade: combined.grade,
        latestScanAt: target.createdAt,
        latestTargetId: target.id,
        goneAt: null,
      },
    });
    await writeLatestView({ tx, serviceId: service.id, factors: combined.factors, findings: [...result.findings, ...clusterFindings] });
    await tx.scan.update({ where: { id: opts.scanId }, data: { targetsDone: { increment: 1 } } });
    return { targetId: target.id, skipped: false };
  });
}
