import type { WorkloadFacts } from "@/lib/facts/workload/types";
import { workloadName } from "@/lib/rules/helpers/workloads";
import type { Evidence } from "@/lib/rules/types";

/**
 * One way the service is deployed: a folder of plain manifests, a Kustomize directory or a Helm chart of the
 * repository (which often has several: kubernetes-manifests/, a chart, kustomize/overlays/prod, extras/
 * variants, each declaring the same workload), or the cluster a scan looked at.
 */
export interface DeployPath {
  /** The Kustomize directory or chart it was rendered from, else the folder of the manifest; "" for a cluster. */
  path: string;
  /** Its workloads, one per kind/name (the first declaration kept); in a cluster, one per namespace too. */
  workloads: WorkloadFacts[];
}

/** What one workload (or one of its containers) lacks: a label for the message, and where the fix goes. */
export interface Gap {
  label: string;
  evidence: Evidence;
}

/** The workloads grouped by deploy path, in the order first seen. A cluster's are one path: all of them run. */
export function deployPaths(workloads: readonly WorkloadFacts[]): DeployPath[] {
  const paths = new Map<string, Map<string, WorkloadFacts>>();
  for (const w of workloads) {
    const key = w.declaredAt ? (w.declaredAt.via ?? dirOf(w.declaredAt.path)) : "";
    const id = w.declaredAt ? workloadName(w) : `${w.namespace}/${workloadName(w)}`;
    const path = paths.get(key) ?? paths.set(key, new Map()).get(key)!;
    if (!path.has(id)) path.set(id, w);
  }
  return [...paths].map(([path, byName]) => ({ path, workloads: [...byName.values()] }));
}

/**
 * Judges a property a workload has or lacks (probes, requests, a non-root user) the way a reviewer reads a
 * repository with several deploy paths: it holds when one deploy path provides it for every workload there,
 * since what is deployed is one of them and the others are variants or examples. Otherwise every gap is
 * reported once (a workload declared in five paths is one gap), with each place the fix goes.
 */
export function judgeDeployPaths(
  paths: readonly DeployPath[],
  gapsOf: (w: WorkloadFacts) => Gap[],
): { providedBy: DeployPath; gaps?: undefined; places?: undefined } | { providedBy?: undefined; gaps: Gap[]; places: Evidence[] } {
  const judged = paths.map((p) => ({ path: p, gaps: p.workloads.flatMap(gapsOf) }));
  const clean = judged.find((j) => j.gaps.length === 0);
  if (clean) return { providedBy: clean.path };
  const byLabel = new Map<string, Gap>();
  const places = new Map<string, Evidence>();
  for (const gap of judged.flatMap((j) => j.gaps)) {
    if (!byLabel.has(gap.label)) byLabel.set(gap.label, gap);
    const e = gap.evidence;
    const where = e.type === "repo" ? `${e.path}:${e.lineStart}` : `${e.namespace}/${e.kind}/${e.name}/${e.jsonPath}`;
    if (!places.has(where)) places.set(where, e);
  }
  return { gaps: [...byLabel.values()], places: [...places.values()] };
}

/** " in each of its 4 deploy paths (…)" when a gap repeats across paths, for a message. */
export function acrossPaths(paths: readonly DeployPath[]): string {
  return paths.length > 1 ? ` in each of its ${paths.length} deploy paths (${paths.map((p) => p.path || ".").join(", ")})` : "";
}

function dirOf(path: string): string {
  return path.includes("/") ? path.slice(0, path.lastIndexOf("/")) : "";
}
