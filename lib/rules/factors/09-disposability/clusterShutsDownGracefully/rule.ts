import type { ClusterCheck } from "@/lib/rules/types";
import { appContainers, evidence, longRunning, notApplicable, verdict } from "@/lib/rules/helpers/cluster";
import { plural } from "@/lib/rules/helpers/results";

/** Disposability (IX): a grace period and a preStop hook let in-flight requests drain on shutdown. */
export const rule: ClusterCheck = {
  id: "clusterShutsDownGracefully",
  version: 1,
  factor: "disposability",
  judges: "cluster",
  effort: "low",
  defaultWeight: 1,
  title: "Graceful shutdown: termination grace and a preStop hook",
  rationale: "terminationGracePeriodSeconds: 0 kills in-flight work; without preStop, pods stop before endpoints forget them.",
  evaluate(facts) {
    const workloads = longRunning(facts);
    if (workloads.length === 0) return notApplicable("No long-running workloads.");
    const failures = [
      ...workloads
        .filter((w) => w.terminationGracePeriodSeconds === 0)
        .map((w) => evidence(facts, w, "spec.template.spec.terminationGracePeriodSeconds", "terminationGracePeriodSeconds: 0")),
      ...appContainers(workloads)
        .filter(({ c }) => c.ports.length > 0 && !c.preStop)
        .map(({ w, c }) => evidence(facts, w, `${c.jsonPath}.lifecycle.preStop`, "no preStop hook")),
    ];
    return verdict(failures, "Shutdown is graceful.", (n) => `${plural(n, "graceful-shutdown gap")}.`);
  },
};
