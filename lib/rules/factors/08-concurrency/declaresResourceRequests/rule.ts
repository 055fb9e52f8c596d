import { containerEvidence, containerName, containers, dig, longRunningWorkloads, objectName } from "@/lib/rules/helpers/manifests";
import { fail, notApplicable, pass, plural } from "@/lib/rules/helpers/results";
import type { RepoEvidence, RepositoryCheck } from "@/lib/rules/types";

export const rule: RepositoryCheck = {
  id: "declaresResourceRequests",
  version: 1,
  factor: "concurrency",
  title: "Containers declare CPU and memory requests (and a memory limit)",
  rationale:
    "Scaling out by the process model needs the scheduler to know what one process costs: requests decide placement " +
    "and are what a HorizontalPodAutoscaler measures utilisation against; a memory limit keeps one leaky process from starving its neighbours.",
  judges: "repository",
  effort: "low",
  defaultWeight: 3,
  evaluate(facts) {
    const workloads = longRunningWorkloads(facts);
    if (workloads.length === 0) return notApplicable("No long-running workload manifest.");
    const missing: RepoEvidence[] = [];
    const names: string[] = [];
    for (const m of workloads) {
      for (const c of containers(m)) {
        const lacks = [
          dig(c, "resources", "requests", "cpu") === undefined ? "cpu request" : null,
          dig(c, "resources", "requests", "memory") === undefined ? "memory request" : null,
          dig(c, "resources", "limits", "memory") === undefined ? "memory limit" : null,
        ].filter((x): x is string => x !== null);
        if (lacks.length === 0) continue;
        names.push(`${objectName(m)} ${containerName(c)} (no ${lacks.join(", no ")})`);
        missing.push(containerEvidence(facts, m, c, /^\s*resources:/));
      }
    }
    if (missing.length > 0) return fail(`Containers without resource requests: ${names.join("; ")}.`, missing);
    return pass(`Every container declares requests and a memory limit (${plural(workloads.length, "workload")}).`);
  },
};
