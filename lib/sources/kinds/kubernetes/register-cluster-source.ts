import type { PgBoss } from "pg-boss";
import { z } from "zod";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { ConflictError, ValidationError } from "@/lib/errors";
import { QUEUES } from "@/lib/jobs/queues";

// A DNS-1123 label: what Kubernetes accepts as a namespace name.
const namespaceName = z.string().trim().regex(/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/, "a namespace name (lower-case letters, digits, -)");

/** A cluster source's config (Source.config): where its credentials come from and which namespaces count. */
export const clusterSourceConfig = z
  .object({
    /** Kubeconfig file; unset: KUBECONFIG. Ignored with inCluster. */
    kubeconfigPath: z.string().trim().min(1).optional(),
    /** Context in the kubeconfig; unset: its current context. */
    context: z.string().trim().min(1).optional(),
    /** Use the pod's service account (Dozen running inside the cluster with the shipped ClusterRole). */
    inCluster: z.boolean().default(false),
    /** Only these namespaces (one list per namespace); empty: all. */
    namespaces: z.array(namespaceName).default([]),
    excludeNamespaces: z.array(namespaceName).default(["kube-system", "kube-public", "kube-node-lease"]),
  })
  // Refused rather than silently ignored: a form that sends both would audit a cluster the user did not pick.
  .refine((c) => !(c.inCluster && (c.kubeconfigPath || c.context)), { message: "inCluster takes no kubeconfigPath or context", path: ["inCluster"] });

export type ClusterSourceConfig = z.infer<typeof clusterSourceConfig>;

/** What adding a cluster takes (API body, CLI, UI form): where credentials come from, never a credential. */
export const registerClusterSourceInput = z.object({
  name: z.string().trim().min(1).max(100),
  /** Cron (UTC); null: on demand only; omitted: DOZEN_DEFAULT_SCHEDULE. */
  schedule: z.string().trim().min(9).max(100).nullable().optional(),
  config: clusterSourceConfig.prefault({}),
});
export type RegisterClusterSourceInput = z.input<typeof registerClusterSourceInput>;

/**
 * Registers a Kubernetes cluster (a kubeconfig context or the in-cluster service account) as a source and,
 * when it has a schedule, registers its pg-boss cron entry at once (keyed by source id, as syncSchedules
 * does). Many clusters are many sources. Throws ValidationError when no kubeconfig can be found and
 * ConflictError when the name is taken.
 */
export async function registerClusterSource(opts: { input: RegisterClusterSourceInput; boss?: PgBoss }): Promise<{ id: number; schedule: string | null }> {
  const parsed = registerClusterSourceInput.safeParse(opts.input);
  if (!parsed.success) throw new ValidationError(`invalid cluster source: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  const { name, config } = parsed.data;
  // Checked here, not in the schema: KUBECONFIG is the server's environment, which a browser form cannot see.
  if (!config.inCluster && !config.kubeconfigPath && !env().KUBECONFIG) throw new ValidationError("a cluster source needs a kubeconfig (config.kubeconfigPath or KUBECONFIG) or config.inCluster");
  const taken = await db().source.findUnique({ where: { name }, select: { id: true } });
  if (taken) throw new ConflictError(`a source named "${name}" already exists`);
  const schedule = parsed.data.schedule === undefined ? env().DOZEN_DEFAULT_SCHEDULE : parsed.data.schedule;
  const source = await db().source.create({
    data: { name, kind: "kubernetes", location: config.inCluster ? "in-cluster" : config.context ?? "current-context", config, schedule },
    select: { id: true },
  });
  if (schedule && opts.boss) {
    await opts.boss.schedule(QUEUES.scheduledScan, schedule, { sourceId: source.id }, { key: String(source.id), tz: "UTC" });
  }
  return { id: source.id, schedule };
}
