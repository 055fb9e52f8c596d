import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { DriftItem } from "@/lib/cluster/find-drift";
import type { WorkloadMapping } from "@/lib/pipeline/map-workload";
import type { ClusterServiceFacts } from "@/lib/facts/cluster-types";
import type { Finding } from "@/lib/rules/types";
import type { ServiceScore } from "@/lib/scoring/types";
import { ensureService } from "@/lib/persistence/ensure-service";
import { writeLatestView } from "@/lib/persistence/write-latest-view";

/**
 * Writes one service's cluster audit in one transaction: the target (facts incl. drift, findings, factor
 * scores of the combined score), the service's latest cluster target and combined score, and its
 * ClusterWorkload rows. An unmapped group becomes a service of the cluster source (path
 * `<namespace>/<name>`), so unmapped workloads are shown and scored, never dropped. Re-running is a no-op.
 */
export async function persistClusterTarget(opts: {
  scanId: number;
  sourceId: number;
  targetKey: string;
  serviceId: number | null;
  group: { name: string; namespace: string; owners: string[] };
  facts: ClusterServiceFacts;
  drift: DriftItem[];
  findings: Finding[];
  /** The service's latest repository findings, which `score` combines with these. */
  repoFindings: readonly Finding[];
  score: ServiceScore;
  mappings: WorkloadMapping[];
  seenAt: Date;
}): Promise<{ targetId: number; serviceId: number; skipped: boolean }> {
  return db().$transaction(async (tx) => {
    const existing = await tx.scanTarget.findUnique({ where: { scanId_targetKey: { scanId: opts.scanId, targetKey: opts.targetKey } }, select: { id: true, serviceId: true } });
    if (existing) return { targetId: existing.id, serviceId: existing.serviceId ?? 0, skipped: true };
    const serviceId = opts.serviceId ?? (await ensureService({ tx, sourceId: opts.sourceId, name: opts.group.name, path: `${opts.group.namespace}/${opts.group.name}`, languages: [], owners: opts.group.owners, ownerSource: "cluster label" })).id;
    const target = await tx.scanTarget.create({
      data: {
        scanId: opts.scanId, serviceId, targetKey: opts.targetKey, status: "succeeded",
        facts: { kind: "cluster", ...opts.facts, drift: opts.drift } as unknown as Prisma.InputJsonValue,
        score: opts.score.score, grade: opts.score.grade,
      },
      select: { id: true, createdAt: true },
    });
    await tx.finding.createMany({
      data: opts.findings.map((f) => ({
        targetId: target.id, ruleId: f.ruleId, ruleVersion: f.ruleVersion, factor: f.factor, outcome: f.outcome,
        message: f.message, evidence: f.evidence as unknown as Prisma.InputJsonValue, weight: f.weight, effort: f.effort,
      })),
    });
    await tx.factorScore.createMany({ data: opts.score.factors.map((s) => ({ targetId: target.id, serviceId, factor: s.factor, score: s.score, passed: s.passed, failed: s.failed })) });
    await tx.service.update({
      where: { id: serviceId },
      data: { latestClusterTargetId: target.id, latestScore: opts.score.score, latestGrade: opts.score.grade, latestScanAt: target.createdAt, goneAt: null },
    });
    await writeLatestView({ tx, serviceId, factors: opts.score.factors, findings: [...opts.repoFindings, ...opts.findings] });
    for (const [i, w] of opts.facts.workloads.entries()) {
      const m = opts.mappings[i];
      const data = {
        serviceId, mappedBy: m?.mappedBy ?? "none", images: w.containers.map((c) => c.image), digests: w.running.digests,
        replicas: w.replicas, owners: m?.owners ?? [], lastSeenAt: opts.seenAt, goneAt: null,
      };
      await tx.clusterWorkload.upsert({
        where: { sourceId_namespace_kind_name: { sourceId: opts.sourceId, namespace: w.namespace, kind: w.kind, name: w.name } },
        create: { sourceId: opts.sourceId, namespace: w.namespace, kind: w.kind, name: w.name, ...data },
        update: data,
      });
    }
    await tx.scan.update({ where: { id: opts.scanId }, data: { targetsDone: { increment: 1 } } });
    return { targetId: target.id, serviceId, skipped: false };
  });
}
