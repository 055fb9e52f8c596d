import { db } from "@/lib/db";
import type { DriftItem } from "@/lib/rules/factors/10-dev-prod-parity/clusterMatchesRepository/find-drift";

export interface ServiceCluster {
  cluster: string | null;
  auditedAt: Date;
  workloads: {
    namespace: string;
    kind: string;
    name: string;
    mappedBy: string;
    images: string[];
    digests: string[];
    replicas: number | null;
    goneAt: Date | null;
  }[];
  drift: DriftItem[];
}

/**
 * A service's latest cluster audit for its page: the workloads joined to it and the drift between its
 * repository and the cluster (its findings come with the service's, getServiceDetail). Null when no cluster has seen it.
 */
export async function getServiceCluster(opts: { serviceId: number }): Promise<ServiceCluster | null> {
  const service = await db().service.findUnique({
    where: { id: opts.serviceId },
    select: {
      workloads: {
        select: { namespace: true, kind: true, name: true, mappedBy: true, images: true, digests: true, replicas: true, goneAt: true },
        orderBy: [{ namespace: "asc" }, { name: "asc" }],
      },
      latestClusterTarget: {
        select: { createdAt: true, facts: true },
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
  };
}
