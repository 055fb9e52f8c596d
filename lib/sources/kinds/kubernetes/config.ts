import { z } from "zod";

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
  });

export type ClusterSourceConfig = z.infer<typeof clusterSourceConfig>;
