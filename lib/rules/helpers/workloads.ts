import { declaredWorkloads } from "@/lib/facts/workload/declared-workloads";
import type { AutoscalerFact, ContainerFact, DisruptionBudgetFact, WorkloadFacts, WorkloadSet } from "@/lib/facts/workload/types";
import { escapeRegExp } from "@/lib/rules/helpers/escape-reg-exp";
import { pathEvidence, searchEvidence } from "@/lib/rules/helpers/find-line-matches";
import { imageRepository } from "@/lib/rules/helpers/images";
import { BACKING_IMAGE, LONG_RUNNING_KINDS } from "@/lib/rules/helpers/manifests";
import { selects } from "@/lib/rules/helpers/cluster";
import type { CheckSubject, Evidence } from "@/lib/rules/types";

/** Kinds whose replica count is theirs to choose (a DaemonSet runs one per node, a Job to completion). */
const SCALABLE = new Set(["Deployment", "StatefulSet", "ReplicaSet", "Rollout", "DeploymentConfig"]);

/** The service's workloads as the subject shows them: declared by its repository, or run by a cluster. */
export function workloadSet(subject: CheckSubject): WorkloadSet {
  return subject.kind === "repository" ? declaredWorkloads(subject.facts.manifests) : subject.facts;
}

/**
 * The workloads that run the service's own long-lived processes. In a repository, a workload whose containers
 * all run a backing-service image (a Redis Deployment beside the app) is an attached resource, judged by
 * factor IV, not the app; in a cluster, the workloads mapped to the service are its own.
 */
export function longRunning(subject: CheckSubject): WorkloadFacts[] {
  return workloadSet(subject).workloads.filter((w) => {
    if (!LONG_RUNNING_KINDS.has(w.kind)) return false;
    if (subject.kind === "cluster") return true;
    const images = appContainers(w).map((c) => imageRepository(c.image));
    return images.length === 0 || !images.every((image) => BACKING_IMAGE.test(image));
  });
}

/** The service's own workloads: long-running ones plus Jobs and CronJobs (admin tasks run the app's code too). */
export function appWorkloads(subject: CheckSubject): WorkloadFacts[] {
  const oneOff = workloadSet(subject).workloads.filter((w) => w.kind === "Job" || w.kind === "CronJob");
  return [...longRunning(subject), ...oneOff];
}

/** Long-running workloads whose replica count is theirs to choose. */
export function scalable(subject: CheckSubject): WorkloadFacts[] {
  return longRunning(subject).filter((w) => SCALABLE.has(w.kind));
}

/** The app containers of a workload (init containers excluded). */
export function appContainers(w: WorkloadFacts): ContainerFact[] {
  return w.containers.filter((c) => !c.init);
}

/** `Kind/name`, as kubectl prints it. */
export function workloadName(w: WorkloadFacts): string {
  return `${w.kind}/${w.name}`;
}

/** In the same namespace; a manifest without one ("") is in whichever namespace its release chooses. */
function sameNamespace(a: string, b: string): boolean {
  return a === b || a === "" || b === "";
}

/** The autoscalers (HPA, KEDA ScaledObject) that target a workload. */
export function autoscalersOf(set: WorkloadSet, w: WorkloadFacts): AutoscalerFact[] {
  return set.hpas.filter((h) => sameNamespace(h.namespace, w.namespace) && h.targetKind === w.kind && h.targetName === w.name);
}

/** The PodDisruptionBudgets whose non-empty selector picks the workload's pods. */
export function budgetsOf(set: WorkloadSet, w: WorkloadFacts): DisruptionBudgetFact[] {
  return set.pdbs.filter((p) => sameNamespace(p.namespace, w.namespace) && selects(p.selector, w.podLabels));
}

/**
 * Where a workload (or one of its containers, or one field) is seen: in a repository, the first line of its
 * declaration matching `pattern` (after the container's `- name:` line when a container is given), else the
 * declaration's start; in a cluster, the object and the field's JSON path, with `snippet`.
 */
export function workloadEvidence(
  subject: CheckSubject,
  w: WorkloadFacts,
  opts: { container?: ContainerFact; field?: string; pattern?: RegExp; snippet?: string } = {},
): Evidence {
  const at = w.declaredAt;
  if (subject.kind === "cluster" || !at) {
    const cluster = subject.kind === "cluster" ? subject.facts.cluster : "";
    const base = opts.container?.jsonPath ?? "";
    const jsonPath = [base, opts.field].filter(Boolean).join(".") || "metadata";
    return {
      type: "cluster",
      cluster,
      namespace: w.namespace,
      kind: w.kind,
      name: w.name,
      jsonPath,
      ...(opts.snippet ? { snippet: opts.snippet } : {}),
    };
  }
  const facts = subject.facts;
  const search = (pattern: RegExp, from: number, fallback: { line: number; snippet: string }) =>
    searchEvidence({ facts, path: at.path, pattern, from, to: at.lineEnd, fallback });
  const start = { line: at.lineStart, snippet: `kind: ${w.kind}` };
  const container = opts.container
    ? search(new RegExp(String.raw`^\s*-\s*(\{\s*)?name:\s*["']?${escapeRegExp(opts.container.name)}\b`), at.lineStart, start)
    : pathEvidence({ facts, path: at.path, ...start });
  if (!opts.pattern) return container;
  return search(opts.pattern, container.lineStart, { line: container.lineStart, snippet: container.snippet });
}
