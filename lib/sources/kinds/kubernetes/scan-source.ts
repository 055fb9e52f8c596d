import { db } from "@/lib/db";
import { env, kubeconfigDir } from "@/lib/env";
import { describeError } from "@/lib/errors";
import { loadRepoView } from "@/lib/persistence/load-repo-view";
import { persistTarget } from "@/lib/persistence/persist-target";
import { expectTargets } from "@/lib/persistence/scan-run/expect-targets";
import { finishScan } from "@/lib/persistence/scan-run/finish-scan";
import { collectInChild } from "@/lib/pipeline/collect-in-child";
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
    // Audited in a bounded child process (time, memory) like a repository: an API server that never answers,
    // or answers without end, fails this source with the bound's reason and leaves the worker's jobs running.
    facts = await collectInChild({
      task: {
        kind: "cluster",
        name: source.name,
        kubeconfigPath: config.kubeconfigPath ?? env().KUBECONFIG?.split(":")[0],
        context: config.context,
        inCluster: config.inCluster,
        withinDir: kubeconfigDir(),
        allowExec: env().DOZEN_KUBECONFIG_ALLOW_EXEC,
        namespaces: config.namespaces,
        excludeNamespaces: config.excludeNamespaces,
      },
      signal,
    });
  } catch (error) {
    if (signal.aborted) throw new Error("worker stopping; scan released for retry");
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
