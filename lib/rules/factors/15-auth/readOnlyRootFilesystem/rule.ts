import { containerEvidence, containerName, containers, dig, longRunningWorkloads, objectName } from "@/lib/rules/helpers/manifests";
import { fail, notApplicable, pass, plural } from "@/lib/rules/helpers/results";
import type { RepoEvidence, RepositoryCheck } from "@/lib/rules/types";

export const rule: RepositoryCheck = {
  id: "readOnlyRootFilesystem",
  version: 1,
  factor: "auth",
  title: "Containers run with a read-only root filesystem",
  rationale:
    "Least privilege for the filesystem: an attacker who gets code execution cannot drop tools or alter the app, and " +
    "the process cannot quietly keep state on local disk (factor VI). Scratch space is an explicit emptyDir.",
  judges: "repository",
  effort: "medium",
  defaultWeight: 2,
  evaluate(facts) {
    const workloads = longRunningWorkloads(facts);
    if (workloads.length === 0) return notApplicable("No long-running workload manifest.");
    const writable: RepoEvidence[] = [];
    const names: string[] = [];
    for (const m of workloads) {
      for (const c of containers(m)) {
        if (dig(c, "securityContext", "readOnlyRootFilesystem") === true) continue;
        names.push(`${objectName(m)} ${containerName(c)}`);
        writable.push(containerEvidence(facts, m, c, /readOnlyRootFilesystem|^\s*securityContext:/));
      }
    }
    if (writable.length > 0)
      return fail(`Writable root filesystem (${plural(writable.length, "container")}): ${names.join("; ")}.`, writable);
    return pass("Every container's root filesystem is read-only.");
  },
};
