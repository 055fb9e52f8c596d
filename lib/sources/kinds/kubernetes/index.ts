import { z } from "zod";
import { checkKubeconfig } from "@/lib/sources/kinds/kubernetes/check-kubeconfig";
import { clusterSourceConfig } from "@/lib/sources/kinds/kubernetes/config";
import { listClusterExtras } from "@/lib/sources/kinds/kubernetes/list-cluster-extras";
import type { SourceKindModule } from "@/lib/sources/kinds/types";
import { sourceName, sourceSchedule } from "@/lib/sources/source-input";

/** What adding a cluster takes (API body, CLI, UI form): where credentials come from, never a credential. */
const input = z.object({ name: sourceName, schedule: sourceSchedule, config: clusterSourceConfig.prefault({}) });

/** A Kubernetes cluster (a kubeconfig context or the in-cluster service account); many clusters are many sources. */
export const kubernetes: SourceKindModule<typeof input> = {
  kind: "kubernetes",
  label: "Kubernetes cluster",
  shortLabel: "Kubernetes cluster",
  input,
  toSource: (i) => ({ location: i.config.inCluster ? "in-cluster" : (i.config.context ?? "current-context"), config: i.config }),
  fromSource: (s) => ({ name: s.name, schedule: s.schedule, config: s.config ?? {} }),
  // Checked here, not in the schema: the kubeconfig is a file on the server, which a browser form cannot see.
  validate: (i) => checkKubeconfig(i.config),
  refusedField: "config.kubeconfigPath",
  describeCredentials(raw) {
    const config = (raw ?? {}) as { inCluster?: unknown; kubeconfigPath?: unknown };
    if (config.inCluster === true) return "in-cluster service account";
    return `kubeconfig ${typeof config.kubeconfigPath === "string" ? config.kubeconfigPath : "from $KUBECONFIG"}`;
  },
  form: {
    namePlaceholder: "prod-eu",
    submitLabel: "Add cluster",
    fields: [
      {
        type: "choice",
        name: "mode",
        legend: "Connect with",
        defaultValue: "kubeconfig",
        errorFor: "config.inCluster",
        options: [
          {
            value: "kubeconfig",
            label: "a kubeconfig context",
            sets: { "config.inCluster": false },
            fields: [
              {
                type: "row",
                fields: [
                  {
                    type: "text",
                    name: "config.kubeconfigPath",
                    label: "Kubeconfig path",
                    mono: true,
                    placeholder: "/etc/dozen/kubeconfig",
                    hint: "On the workers' machine. Empty: $KUBECONFIG.",
                  },
                  { type: "text", name: "config.context", label: "Context", mono: true, hint: "Empty: the kubeconfig's current context." },
                ],
              },
            ],
          },
          {
            value: "inCluster",
            label: "the in-cluster service account",
            sets: { "config.inCluster": true },
            fields: [],
            note: "Dozen runs in the cluster with the read-only ClusterRole from `deploy/dozen-cluster-reader.yaml`.",
          },
        ],
      },
      {
        type: "row",
        fields: [
          {
            type: "text",
            name: "config.namespaces",
            label: "Only these namespaces",
            mono: true,
            list: true,
            hint: "Comma separated. Empty: all namespaces.",
          },
          // An emptied field means "exclude nothing"; the form starts with the system namespaces filled in.
          {
            type: "text",
            name: "config.excludeNamespaces",
            label: "Exclude namespaces",
            mono: true,
            list: true,
            defaultValue: "kube-system, kube-public, kube-node-lease",
          },
        ],
      },
    ],
  },
  cli: {
    options: {
      kubeconfig: { type: "string" },
      context: { type: "string" },
      "in-cluster": { type: "boolean" },
      namespace: { type: "string", multiple: true },
      "exclude-namespace": { type: "string", multiple: true },
    },
    toInput: ({ name, schedule, values: v }) => ({
      name,
      schedule,
      config: {
        kubeconfigPath: v.kubeconfig,
        context: v.context,
        inCluster: v["in-cluster"],
        namespaces: v.namespace,
        excludeNamespaces: v["exclude-namespace"],
      },
    }),
  },
  // Never bundled into the web process, which only adds and lists sources; workers and the CLI load it.
  async worker() {
    const { scanKubernetes } = await import(/* turbopackIgnore: true */ "@/lib/sources/kinds/kubernetes/scan-source");
    return { scan: scanKubernetes, jobs: [] };
  },
  extras: listClusterExtras,
};
