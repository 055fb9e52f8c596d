import { dig, longRunningWorkloads, manifestEvidence, objectName } from "@/lib/rules/helpers/manifests";
import { fail, notApplicable, pass, plural } from "@/lib/rules/helpers/results";
import type { RepositoryCheck } from "@/lib/rules/types";
import type { ManifestObject, ServiceFacts } from "@/lib/facts/types";

type Labels = Record<string, unknown>;

function labelsOf(value: unknown): Labels {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Labels) : {};
}

/** Workloads meant to run several replicas: replicas > 1 or the target of an HPA. */
function replicated(facts: ServiceFacts): ManifestObject[] {
  const scaled = new Set(
    facts.manifests.filter((m) => m.kind === "HorizontalPodAutoscaler").map((m) => dig(m.object, "spec", "scaleTargetRef", "name")),
  );
  return longRunningWorkloads(facts).filter((m) => {
    const replicas = dig(m.object, "spec", "replicas");
    return m.kind !== "DaemonSet" && ((typeof replicas === "number" && replicas > 1) || scaled.has(m.name));
  });
}

export const rule: RepositoryCheck = {
  id: "declaresPodDisruptionBudget",
  version: 1,
  factor: "disposability",
  title: "Replicated workloads have a PodDisruptionBudget",
  rationale:
    "Disposable processes get stopped on purpose too: node drains and cluster upgrades evict pods. A PodDisruptionBudget " +
    "makes the platform stop them a few at a time, so a drain never takes every replica down at once.",
  judges: "repository",
  effort: "low",
  defaultWeight: 3,
  evaluate(facts) {
    const workloads = replicated(facts);
    if (workloads.length === 0) return notApplicable("No workload runs more than one replica.");
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
