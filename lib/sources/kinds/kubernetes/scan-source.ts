import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { combineServiceScore } from "@/lib/scoring/combine-service-score";
import { findDrift } from "@/lib/cluster/find-drift";
import { loadRepoView } from "@/lib/persistence/load-repo-view";
import { persistClusterTarget } from "@/lib/persistence/persist-cluster-target";
import { planClusterTargets } from "@/lib/pipeline/plan-cluster-targets";
import { runClusterRules } from "@/lib/cluster/run-cluster-rules";
import { collectCluster } from "@/lib/collectors/kubernetes/collect-cluster";
import { loadKubeConfig } from "@/lib/collectors/kubernetes/load-kube-config";
import { createKubeClient } from "@/lib/collectors/kubernetes/request-kube";
import { finishScan } from "@/lib/persistence/finish-scan";
import { clusterSourceConfig } from "@/lib/sources/kinds/kubernetes/register-cluster-source";
import type { SourceScanner } from "@/lib/sources/kinds/types";

/**
 * A Kubernetes cluster: collect (paged, read-only) → map workloads to services → cluster checks + drift
 * against each service's latest repository facts → combined score → one transaction per service.
 * Workloads not seen by a successful audit are marked gone; a failed audit proves nothing.
 */
export const scanKubernetes: SourceScanner = async ({ scanId, source, log, signal }) => {
  const seenAt = new Date();
  let facts;
  try {
    const config = clusterSourceConfig.parse(source.config ?? {});
    const kc = await loadKubeConfig({ kubeconfigPath: config.kubeconfigPath ?? env().KUBECONFIG?.split(":")[0], context: config.context, inCluster: config.inCluster });
    const client = await createKubeClient({ kc, name: source.name });
    facts = await collectCluster({ client, namespaces: config.namespaces, excludeNamespaces: config.excludeNamespaces });
  } catch (error) {
    await finishScan({ scanId, error: error instanceof Error ? error.message : String(error) });
    return log.error({ scanId, err: error }, "cluster audit failed");
  }
  const candidates = await db().service.findMany({ where: { goneAt: null }, select: { id: true, name: true, slug: true, repoUrl: true } });
  const plans = planClusterTargets({ facts, candidates });
  await db().scan.update({ where: { id: scanId }, data: { targetsTotal: plans.length } });
  for (const plan of plans) {
    if (signal.aborted) throw new Error("worker stopping; scan released for retry");
    const repo = await loadRepoView({ serviceId: plan.serviceId });
    const drift = findDrift({ manifests: repo.manifests, cluster: plan.facts });
    const findings = [...runClusterRules({ facts: plan.facts }), drift.finding];
    const score = combineServiceScore({ repoFindings: repo.findings, clusterFindings: findings });
    await persistClusterTarget({ scanId, sourceId: source.id, ...plan, drift: drift.items, findings, repoFindings: repo.findings, score, seenAt });
  }
  const finished = await finishScan({ scanId });
  if (finished.status === "succeeded") {
    await db().clusterWorkload.updateMany({ where: { sourceId: source.id, lastSeenAt: { lt: seenAt }, goneAt: null }, data: { goneAt: new Date() } });
  }
  log.info({ scanId, status: finished.status, targets: plans.length, workloads: facts.workloads.length, requests: facts.requests }, "cluster audit finished");
};
