import type { Readable } from "node:stream";
import { collectLocalSource } from "@/lib/collectors/local/collect-local-source";
import { collectTarball, type CollectedRepository } from "@/lib/collectors/github/collect-tarball";
import { collectCluster } from "@/lib/collectors/kubernetes/collect-cluster";
import { loadKubeConfig } from "@/lib/collectors/kubernetes/load-kube-config";
import { createKubeClient } from "@/lib/collectors/kubernetes/request-kube";
import type { ClusterFacts } from "@/lib/facts/cluster-types";

/** One target's collection, as a worker hands it to the child process that runs it (plain JSON). */
export type CollectTask =
  | { kind: "local"; root: string }
  /** A repository's tarball, whose body arrives on the child's stdin. */
  | { kind: "tarball"; fullName: string; sha: string; branch: string }
  /** A live cluster's audit: the worker decided which kubeconfig may be read and whether exec plugins may run. */
  | ClusterTask;

export interface ClusterTask {
  kind: "cluster";
  name: string;
  kubeconfigPath?: string | null;
  context?: string | null;
  inCluster?: boolean;
  withinDir: string | null;
  allowExec: boolean;
  namespaces?: string[];
  excludeNamespaces?: string[];
}

/** What a collection gives back: facts are plain serialisable data, so they cross the process boundary as they are. */
export type CollectTaskResult = Omit<CollectedRepository, "skipped"> & { skipped?: CollectedRepository["skipped"] };

/** What each kind of task gives back: a cluster's facts, or a tree's collected services. */
export type CollectAnswer<T extends CollectTask> = T extends ClusterTask ? ClusterFacts : CollectTaskResult;

/** Runs a collect task in this process (the child's side of collectInChild); `body` is the tarball's for a tarball task. */
export async function runCollectTask(opts: { task: CollectTask; body?: Readable }): Promise<CollectTaskResult | ClusterFacts> {
  const { task } = opts;
  if (task.kind === "local") return collectLocalSource({ root: task.root });
  if (task.kind === "cluster") return auditCluster(task);
  if (!opts.body) throw new Error("a tarball task needs its body");
  return collectTarball({ body: opts.body, fullName: task.fullName, sha: task.sha, branch: task.branch });
}

/** Reads the kubeconfig (within the directory the worker allows) and lists the cluster, paged, read-only. */
async function auditCluster(task: ClusterTask): Promise<ClusterFacts> {
  const kc = await loadKubeConfig({
    kubeconfigPath: task.kubeconfigPath,
    context: task.context,
    inCluster: task.inCluster,
    withinDir: task.withinDir,
    allowExec: task.allowExec,
  });
  const client = await createKubeClient({ kc, name: task.name });
  return collectCluster({ client, namespaces: task.namespaces, excludeNamespaces: task.excludeNamespaces });
}
