import type { ClusterServiceFacts, WorkloadFacts } from "@/lib/facts/cluster-types";
import type { ClusterEvidence, RuleResult } from "@/lib/rules/types";
import type { ManifestObject } from "@/lib/facts/types";
import { plural } from "@/lib/rules/helpers/results";

/** One disagreement between what the repository declares and what the cluster runs. */
export interface DriftItem {
  namespace: string;
  kind: string;
  name: string;
  field: "image" | "digest" | "replicas" | "probes" | "envKeys";
  declared: string;
  running: string;
}

const WORKLOAD_KINDS = new Set(["Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob"]);

/**
 * Compares a repository's manifests with the same workloads in a cluster: image (tag or digest), the
 * digest actually running for a declared tag, replicas (unless an HPA owns them), probes and env keys.
 * Not applicable when no declared workload runs in the cluster.
 */
export function findDrift(opts: { manifests: readonly ManifestObject[]; cluster: ClusterServiceFacts }): {
  finding: RuleResult;
  items: DriftItem[];
} {
  const items: DriftItem[] = [];
  let compared = 0;
  for (const m of opts.manifests) {
    if (!WORKLOAD_KINDS.has(m.kind)) continue;
    const w = opts.cluster.workloads.find((x) => x.kind === m.kind && x.name === m.name && (!m.namespace || m.namespace === x.namespace));
    if (!w) continue;
    compared += 1;
    items.push(...compare(m, w, opts.cluster));
  }
  const evidence: ClusterEvidence[] = items.map((d) => ({
    type: "cluster",
    cluster: opts.cluster.cluster,
    namespace: d.namespace,
    kind: d.kind,
    name: d.name,
    jsonPath: d.field,
    snippet: `declared ${d.declared}, running ${d.running}`,
  }));
  const drifted = items.filter((d) => d.field !== "digest");
  if (compared === 0)
    return {
      finding: { outcome: "notApplicable", message: "No workload declared in the repository runs in this cluster.", evidence: [] },
      items,
    };
  const finding: RuleResult =
    drifted.length === 0
      ? { outcome: "pass", message: `${plural(compared, "workload", { verb: "run" })} as declared.`, evidence }
      : { outcome: "fail", message: `${plural(drifted.length, "difference")} between the repository and the cluster.`, evidence };
  return { finding, items };
}

type Obj = Record<string, unknown>;

function compare(m: ManifestObject, w: WorkloadFacts, cluster: ClusterServiceFacts): DriftItem[] {
  const at = { namespace: w.namespace, kind: w.kind, name: w.name };
  const out: DriftItem[] = [];
  const spec = (m.object.spec ?? {}) as Obj;
  const template = (m.kind === "CronJob" ? ((spec.jobTemplate as Obj | undefined)?.spec as Obj | undefined)?.template : spec.template) as
    Obj | undefined;
  const declared = ((template?.spec as Obj | undefined)?.containers ?? []) as Obj[];
  const hpa = cluster.hpas.some((h) => h.namespace === w.namespace && h.targetKind === w.kind && h.targetName === w.name);
  if (typeof spec.replicas === "number" && !hpa && w.replicas !== spec.replicas)
    out.push({ ...at, field: "replicas", declared: String(spec.replicas), running: String(w.replicas) });
  for (const d of declared) {
    const c = w.containers.find((x) => !x.init && x.name === d.name);
    if (!c) continue;
    const image = String(d.image ?? "");
    // A template placeholder ({{ .Values.image }}) declares no concrete image to compare.
    if (image && !image.includes("{{") && image !== c.image) out.push({ ...at, field: "image", declared: image, running: c.image });
    if (!image.includes("@") && w.running.digests.length > 0)
      out.push({ ...at, field: "digest", declared: image, running: w.running.digests.join(", ") });
    const probes = (o: { r: boolean; l: boolean }) => `readiness ${o.r ? "set" : "none"}, liveness ${o.l ? "set" : "none"}`;
    const want = probes({ r: Boolean(d.readinessProbe), l: Boolean(d.livenessProbe) });
    const have = probes({ r: c.probes.readiness, l: c.probes.liveness });
    if (want !== have) out.push({ ...at, field: "probes", declared: want, running: have });
    const keys = (names: string[]) => [...new Set(names)].sort().join(", ") || "none";
    const wantEnv = keys(((d.env ?? []) as Obj[]).map((e) => String(e.name)));
    const haveEnv = keys(c.env.map((e) => e.name));
    if (wantEnv !== haveEnv) out.push({ ...at, field: "envKeys", declared: wantEnv, running: haveEnv });
  }
  return out;
}
