import { db } from "@/lib/db";
import type { DriftItem } from "@/lib/cluster/find-drift";
import type { Evidence, Outcome } from "@/lib/rules/types";

export interface ServiceCluster {
  cluster: string | null;
  auditedAt: Date;
  workloads: { namespace: string; kind: string; name: string; mappedBy: string; images: string[]; digests: string[]; replicas: number | null; goneAt: Date | null }[];
  drift: DriftItem[];
  findings: { ruleId: string; factor: string; outcome: Outcome; message: string; evidence: Evidence[]; weight: number; effort: string }[];
}

/**
 * A service's latest cluster audit for its page: the workloads joined to it, the drift between its
 * repository and the cluster, and the cluster checks' findings. Null when no cluster has seen it.
 */
export async function getServiceCluster(opts: { serviceId: number }): Promise<ServiceCluster | null> {
  const service = await db().service.findUnique({
    where: { id: opts.serviceId },
    select: {
      workloads: { select: { namespace: true, kind: true, name: true, mappedBy: true, images: true, digests: true, replicas: true, goneAt: true }, orderBy: [{ namespace: "asc" }, { name: "asc" }] },
      latestClusterTarget: {
        select: { createdAt: true, facts: true, findings: { select: { ruleId: true, factor: true, outcome: true, message: true, evidence: true, weight: true, effort: true }, orderBy: { ruleId: "asc" } } },
      },
    },
  });
  const target = service?.latestClusterTarget;
  if (!service || !target) return null;
  const facts = (target.facts ?? {}) as { cluster?: string; drift?: DriftItem[] };
  return {
    cluster: facts.cluster ?? null,
    auditedAt: target.createdAt,
    workloads: service.workloads,
    drift: facts.drift ?? [],
    findings: target.findings.map((f) => ({ ...f, outcome: f.outcome as Outcome, evidence: f.evidence as unknown as Evidence[] })),
  };
}
