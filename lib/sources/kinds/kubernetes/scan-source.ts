import { db } from "@/lib/db";
import { env, kubeconfigDir } from "@/lib/env";
import { describeError } from "@/lib/errors";
import { collectCluster } from "@/lib/collectors/kubernetes/collect-cluster";
import { loadKubeConfig } from "@/lib/collectors/kubernetes/load-kube-config";
import { createKubeClient } from "@/lib/collectors/kubernetes/request-kube";
import { loadRepoView } from "@/lib/persistence/load-repo-view";
import { persistTarget } from "@/lib/persistence/persist-target";
import { expectTargets } from "@/lib/persistence/scan-run/expect-targets";
import { finishScan } from "@/lib/persistence/scan-run/finish-scan";
import { evaluateClusterTarget } from "@/lib/pipeline/evaluate-cluster-target";
import { planClusterTargets } from "@/lib/pipeline/plan-cluster-targets";
import { clusterSourceConfig } from "@/lib/sources/kinds/kubernetes/config";
import type { SourceScanner } from "@/lib/sources/kinds/types";

/**
 * A Kubernetes cluster: collect (paged, read-only) → map workloads to services → cluster checks and drift
 * against each service's latest repository facts → one transaction per service (its combined score with
 * the repository's view). Workloads not seen by a successful audit are marked gone; a failed audit proves nothing.
 */
export const scanKubernetes: SourceScanner = async ({ scanId, source, log, signal }) => {
  const seenAt = new Date();
  let facts;
  try {
    const config = clusterSourceConfig.parse(source.config ?? {});
    const kc = await loadKubeConfig({
      kubeconfigPath: config.kubeconfigPath ?? env().KUBECONFIG?.split(":")[0],
      context: config.context,
      inCluster: config.inCluster,
      withinDir: kubeconfigDir(),
      allowExec: env().DOZEN_KUBECONFIG_ALLOW_EXEC,
    });
    const client = await createKubeClient({ kc, name: source.name });
    facts = await collectCluster({ client, namespaces: config.namespaces, excludeNamespaces: config.excludeNamespaces });
  } catch (error) {
    const reason = describeError(error, "cluster audit failed");
    await finishScan({ scanId, error: reason });
    return log.error({ scanId, reason }, "cluster audit failed");
  }
  const candidates = await db().service.findMany({ where: { goneAt: null }, select: { id: true, name: true, slug: true, repoUrl: true } });
  const plans = planClusterTargets({ facts, candidates });
  await expectTargets({ scanId, total: plans.length });
  for (const plan of plans) {
    if (signal.aborted) throw new Error("worker stopping; scan released for retry");
    const repo = await loadRepoView({ serviceId: plan.serviceId });
    const result = evaluateClusterTarget({ plan, declared: repo.manifests, repoConfig: repo.repoConfig });
    await persistTarget({ scanId, sourceId: source.id, target: { kind: "cluster", result, seenAt }, log });
  }
  const finished = await finishScan({ scanId, gone: { workloadsNotSeenSince: seenAt } });
  log.info(
    { scanId, status: finished.status, targets: plans.length, workloads: facts.workloads.length, requests: facts.requests },
    "cluster audit finished",
  );
};
