import { dig, longRunningWorkloads, manifestEvidence, objectName } from "@/lib/rules/helpers/manifests";
import { fail, notApplicable, pass, plural } from "@/lib/rules/helpers/results";
import type { RepositoryCheck } from "@/lib/rules/types";
import type { ManifestObject, ServiceFacts } from "@/lib/facts/types";
import { LONG_RUNNING } from "@/lib/rules/helpers/kinds";

type Labels = Record<string, unknown>;

function labelsOf(value: unknown): Labels {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Labels) : {};
}

/**
 * Workloads that run several replicas at rest: replicas > 1, or an HPA whose minReplicas is > 1. One replica
 * (an HPA from 1 included) has nothing a budget could keep running during a drain. One per kind/name, however
 * many deploy paths declare it.
 */
function replicated(facts: ServiceFacts): ManifestObject[] {
  const minimum = new Map<string, number>();
  for (const m of facts.manifests.filter((x) => x.kind === "HorizontalPodAutoscaler")) {
    const name = dig(m.object, "spec", "scaleTargetRef", "name");
    const min = dig(m.object, "spec", "minReplicas");
    if (typeof name === "string") minimum.set(name, Math.max(minimum.get(name) ?? 0, typeof min === "number" ? min : 1));
  }
  const seen = new Set<string>();
  return longRunningWorkloads(facts).filter((m) => {
    const replicas = dig(m.object, "spec", "replicas");
    const several = (typeof replicas === "number" && replicas > 1) || (minimum.get(m.name) ?? 0) > 1;
    if (m.kind === "DaemonSet" || !several || seen.has(objectName(m))) return false;
    seen.add(objectName(m));
    return true;
  });
}

export const rule: RepositoryCheck = {
  id: "declaresPodDisruptionBudget",
  version: 2,
  factor: "disposability",
  title: "Replicated workloads have a PodDisruptionBudget",
  rationale:
    "Disposable processes get stopped on purpose too: node drains and cluster upgrades evict pods. A PodDisruptionBudget " +
    "makes the platform stop them a few at a time, so a drain never takes every replica down at once.",
  judges: "repository",
  effort: "low",
  defaultWeight: 3,
  kinds: LONG_RUNNING,
  evaluate(facts) {
    const workloads = replicated(facts);
    if (workloads.length === 0) return notApplicable("No workload runs more than one replica at rest.");
    const budgets = facts.manifests
      .filter((m) => m.kind === "PodDisruptionBudget")
      .map((m) => labelsOf(dig(m.object, "spec", "selector", "matchLabels")));
    const uncovered = workloads.filter((m) => {
      const podLabels = labelsOf(dig(m.object, "spec", "template", "metadata", "labels"));
      return !budgets.some((b) => Object.keys(b).length > 0 && Object.entries(b).every(([k, v]) => podLabels[k] === v));
    });
    if (uncovered.length > 0) {
      return fail(
        `No PodDisruptionBudget selects ${uncovered.map(objectName).join(", ")}.`,
        uncovered.map((m) => manifestEvidence(facts, m, /^\s*kind:/)),
      );
    }
    return pass(`A PodDisruptionBudget covers ${plural(workloads.length, "replicated workload")}.`);
  },
};
