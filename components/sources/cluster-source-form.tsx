"use client";

import { useState } from "react";
import { submitClusterSource } from "@/app/(dashboard)/sources/actions";
import { RadioGroup, TextField } from "@/components/sources/form-fields";
import { NameField, ScheduleField, SourceFormShell, useSourceForm } from "@/components/sources/source-form-shell";

/** Adds a Kubernetes cluster: a kubeconfig context (file on the workers' machine) or the in-cluster account. */
export function ClusterSourceForm({ defaultSchedule }: { defaultSchedule: string }) {
  const { state, action, pending, e, v } = useSourceForm(submitClusterSource);
  const [mode, setMode] = useState(v("mode", "kubeconfig"));
  return (
    <SourceFormShell action={action} pending={pending} state={state} submitLabel="Add cluster">
      <NameField state={state} placeholder="prod-eu" />
      <RadioGroup
        name="mode"
        legend="Connect with"
        defaultValue={mode}
        onChange={setMode}
        error={e["config.inCluster"]}
        options={[{ value: "kubeconfig", label: "a kubeconfig context" }, { value: "inCluster", label: "the in-cluster service account" }]}
      />
      {mode === "kubeconfig" ? (
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField name="config.kubeconfigPath" label="Kubeconfig path" mono defaultValue={v("config.kubeconfigPath")} error={e["config.kubeconfigPath"]} placeholder="/etc/dozen/kubeconfig" hint="On the workers' machine. Empty: $KUBECONFIG." />
          <TextField name="config.context" label="Context" mono defaultValue={v("config.context")} error={e["config.context"]} hint="Empty: the kubeconfig's current context." />
        </div>
      ) : (
        <p className="text-sm text-slate-600 dark:text-slate-300">Dozen runs in the cluster with the read-only ClusterRole from <code>deploy/dozen-cluster-reader.yaml</code>.</p>
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="config.namespaces" label="Only these namespaces" mono defaultValue={v("config.namespaces")} error={e["config.namespaces"]} hint="Comma separated. Empty: all namespaces." />
        <TextField name="config.excludeNamespaces" label="Exclude namespaces" mono defaultValue={v("config.excludeNamespaces", "kube-system, kube-public, kube-node-lease")} error={e["config.excludeNamespaces"]} />
      </div>
      <ScheduleField state={state} defaultSchedule={defaultSchedule} />
    </SourceFormShell>
  );
}
