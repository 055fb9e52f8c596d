import path from "node:path";
import { z } from "zod";
import { kubeconfigDir } from "@/lib/env";

// A DNS-1123 label: what Kubernetes accepts as a namespace name.
const namespaceName = z
  .string()
  .trim()
  .regex(/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/, "a namespace name (lower-case letters, digits, -)");

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
  .refine((c) => !(c.inCluster && (c.kubeconfigPath || c.context)), {
    message: "inCluster takes no kubeconfigPath or context",
    path: ["inCluster"],
  })
  // Only the admin's kubeconfigs: a path into a scanned checkout (whose kubeconfig may run a command) or
  // to any other file of the server is refused. The worker checks the real path again before reading it.
  .superRefine((c, ctx) => {
    if (!c.kubeconfigPath) return;
    const dir = kubeconfigDir();
    const below = dir === null ? null : path.relative(dir, path.resolve(c.kubeconfigPath));
    if (!below || below === ".." || below.startsWith(`..${path.sep}`) || path.isAbsolute(below))
      ctx.addIssue({
        code: "custom",
        path: ["kubeconfigPath"],
        message: dir
          ? `a kubeconfig in ${dir} (DOZEN_KUBECONFIG_DIR), not elsewhere`
          : "no kubeconfig directory is configured: set DOZEN_KUBECONFIG_DIR (or KUBECONFIG)",
      });
  });

export type ClusterSourceConfig = z.infer<typeof clusterSourceConfig>;
