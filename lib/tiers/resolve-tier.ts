import { readTier, TIER_LABEL, type Tier } from "@/lib/tiers/read-tier";

/**
 * A service's tier, in order of precedence: what it declares itself (its catalog-info.yaml
 * `dozen.dev/tier` annotation, else its dozen.yaml `tier:`, as the scan found them), else the `dozen.dev/tier`
 * label of the first of its Kubernetes workloads that carries a valid one; otherwise none. Labels that are not
 * 1–4 are ignored (the cluster audit reports them). Pure.
 */
export function resolveTier(opts: {
  declared: { tier: number } | undefined;
  /** Its workloads' labels as `key=value`, in a stable order. */
  workloadLabels: readonly (readonly string[])[];
}): Tier | null {
  const own = readTier(opts.declared?.tier);
  if (own && "tier" in own) return own.tier;
  for (const labels of opts.workloadLabels) {
    const label = labels.find((l) => l.startsWith(`${TIER_LABEL}=`));
    const read = label === undefined ? null : readTier(label.slice(TIER_LABEL.length + 1));
    if (read && "tier" in read) return read.tier;
  }
  return null;
}

/** Workloads' `dozen.dev/tier` labels that are not 1–4, each in a sentence naming the workload. Pure. */
export function tierLabelProblems(
  workloads: readonly { namespace: string; kind: string; name: string; labels: Record<string, string> }[],
): string[] {
  return workloads.flatMap((w) => {
    const read = readTier(w.labels[TIER_LABEL]);
    return read && "problem" in read ? [`${w.namespace || "-"}/${w.kind}/${w.name} label ${TIER_LABEL}: ${read.problem}`] : [];
  });
}
