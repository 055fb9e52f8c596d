import { z } from "zod";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { ValidationError } from "@/lib/errors";

/** A cluster source's config (Source.config): where its credentials come from and which namespaces count. */
export const clusterSourceConfig = z.object({
  /** Kubeconfig file; unset: KUBECONFIG. Ignored with inCluster. */
  kubeconfigPath: z.string().min(1).optional(),
  /** Context in the kubeconfig; unset: its current context. */
  context: z.string().min(1).optional(),
  /** Use the pod's service account (Dozen running inside the cluster with the shipped ClusterRole). */
  inCluster: z.boolean().default(false),
  /** Only these namespaces (one list per namespace); empty: all. */
  namespaces: z.array(z.string().min(1)).default([]),
  excludeNamespaces: z.array(z.string().min(1)).default(["kube-system", "kube-public", "kube-node-lease"]),
});

export type ClusterSourceConfig = z.infer<typeof clusterSourceConfig>;

/**
 * Registers (or returns) a Kubernetes cluster as a source: one per kubeconfig context or in-cluster
 * service account. Many clusters are many sources; each is scanned on its schedule and on demand.
 */
export async function registerClusterSource(opts: {
  name: string;
  config: z.input<typeof clusterSourceConfig>;
  schedule?: string | null;
}): Promise<{ id: number; created: boolean }> {
  const parsed = clusterSourceConfig.safeParse(opts.config);
  if (!parsed.success) throw new ValidationError(`invalid cluster source: ${parsed.error.issues.map((i) => i.message).join("; ")}`);
  const config = parsed.data;
  if (!config.inCluster && !config.kubeconfigPath && !env().KUBECONFIG) throw new ValidationError("a cluster source needs a kubeconfig (kubeconfigPath or KUBECONFIG) or inCluster");
  const existing = await db().source.findUnique({ where: { name: opts.name }, select: { id: true } });
  if (existing) return { id: existing.id, created: false };
  const source = await db().source.create({
    data: {
      name: opts.name,
      kind: "kubernetes",
      location: config.inCluster ? "in-cluster" : config.context ?? "current-context",
      config,
      schedule: opts.schedule === undefined ? env().DOZEN_DEFAULT_SCHEDULE : opts.schedule,
    },
    select: { id: true },
  });
  return { id: source.id, created: true };
}
