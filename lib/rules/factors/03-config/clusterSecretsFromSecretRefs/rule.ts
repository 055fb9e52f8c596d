import type { ClusterCheck, ClusterEvidence } from "@/lib/rules/types";
import { appContainers, evidence, notApplicable, verdict } from "@/lib/rules/helpers/cluster";

/** Config (III): credentials reach containers through secretKeyRef/envFrom, never as env literals. */
export const rule: ClusterCheck = {
  id: "clusterSecretsFromSecretRefs",
  version: 1,
  factor: "config",
  judges: "cluster",
  effort: "low",
  defaultWeight: 3,
  title: "Running containers take credentials from Secrets",
  rationale: "A password written as an env literal lives in the workload spec, readable by anyone who can get the Deployment.",
  evaluate(facts) {
    const all = appContainers(facts.workloads);
    if (all.length === 0) return notApplicable("No containers run for this service.");
    const failures: ClusterEvidence[] = [];
    for (const { w, c } of [...all, ...facts.workloads.flatMap((w) => w.containers.filter((c) => c.init).map((c) => ({ w, c })))]) {
      c.env.forEach((e, i) => {
        if (e.secretPreview) failures.push(evidence(facts, w, `${c.jsonPath}.env[${i}].value`, `${e.name}=${e.secretPreview}`));
      });
    }
    return verdict(
      failures,
      "No secret-looking env literal; credentials come from Secrets.",
      (n) => `${n} secret-looking env literal(s) in running workloads.`,
    );
  },
};
