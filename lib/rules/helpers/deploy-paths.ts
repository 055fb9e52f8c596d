import { objectName } from "@/lib/rules/helpers/manifests";
import type { RepoEvidence } from "@/lib/rules/types";
import type { ManifestObject } from "@/lib/facts/types";

/**
 * One way the repository deploys a service: a folder of plain manifests, a Kustomize directory or a Helm chart.
 * A repository often has several (kubernetes-manifests/, a chart, kustomize/overlays/prod, extras/ variants), and
 * the same workload is declared in each.
 */
export interface DeployPath {
  /** The Kustomize directory or chart it was rendered from, else the folder of the manifest. */
  path: string;
  /** Its workloads, one per kind/name (the first declaration kept). */
  workloads: ManifestObject[];
}

/** What one workload (or one of its containers) lacks: a label for the message, and where the fix goes. */
export interface Gap {
  label: string;
  evidence: RepoEvidence;
}

/** The service's workloads grouped by deploy path, in the order first seen. */
export function deployPaths(workloads: readonly ManifestObject[]): DeployPath[] {
  const paths = new Map<string, Map<string, ManifestObject>>();
  for (const m of workloads) {
    const key = m.via ?? dirOf(m.path);
    const path = paths.get(key) ?? paths.set(key, new Map()).get(key)!;
    if (!path.has(objectName(m))) path.set(objectName(m), m);
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
  gapsOf: (m: ManifestObject) => Gap[],
): { providedBy: DeployPath; gaps?: undefined; places?: undefined } | { providedBy?: undefined; gaps: Gap[]; places: RepoEvidence[] } {
  const judged = paths.map((p) => ({ path: p, gaps: p.workloads.flatMap(gapsOf) }));
  const clean = judged.find((j) => j.gaps.length === 0);
  if (clean) return { providedBy: clean.path };
  const byLabel = new Map<string, Gap>();
  const places = new Map<string, RepoEvidence>();
  for (const gap of judged.flatMap((j) => j.gaps)) {
    if (!byLabel.has(gap.label)) byLabel.set(gap.label, gap);
    const where = `${gap.evidence.path}:${gap.evidence.lineStart}`;
    if (!places.has(where)) places.set(where, gap.evidence);
  }
  return { gaps: [...byLabel.values()], places: [...places.values()] };
}

/** " (also in 4 other deploy paths)" when a gap repeats across paths, for a message. */
export function acrossPaths(paths: readonly DeployPath[]): string {
  return paths.length > 1 ? ` in each of its ${paths.length} deploy paths (${paths.map((p) => p.path || ".").join(", ")})` : "";
}

function dirOf(path: string): string {
  return path.includes("/") ? path.slice(0, path.lastIndexOf("/")) : "";
}
