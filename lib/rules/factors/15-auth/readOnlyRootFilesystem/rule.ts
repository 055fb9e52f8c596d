import { appContainers, longRunning, workloadEvidence, workloadName } from "@/lib/rules/helpers/workloads";
import { fail, notApplicable, pass, plural } from "@/lib/rules/helpers/results";
import type { RepoEvidence, WorkloadCheck } from "@/lib/rules/types";
import type { ServiceFacts } from "@/lib/facts/types";
import { searchEvidence } from "@/lib/rules/helpers/find-line-matches";
import { acrossPaths, deployPaths, judgeDeployPaths } from "@/lib/rules/helpers/deploy-paths";

export const rule: WorkloadCheck = {
  id: "readOnlyRootFilesystem",
  version: 4,
  factor: "auth",
  title: "Containers run with a read-only root filesystem",
  rationale:
    "Least privilege for the filesystem: an attacker who gets code execution cannot drop tools or alter the app, and " +
    "the process cannot quietly keep state on local disk (factor VI). Scratch space is an explicit emptyDir.",
  judges: "workload",
  effort: "medium",
  defaultWeight: 2,
  evaluate(subject) {
    const workloads = longRunning(subject);
    if (workloads.length === 0) return notApplicable("No long-running workload runs it.");
    const paths = deployPaths(workloads);
    const judged = judgeDeployPaths(paths, (w) =>
      appContainers(w)
        .filter((c) => !c.readOnlyRootFilesystem)
        .map((c) => ({
          label: `${workloadName(w)} ${c.name}`,
          evidence: workloadEvidence(subject, w, {
            container: c,
            field: "securityContext.readOnlyRootFilesystem",
            pattern: /readOnlyRootFilesystem|^\s*securityContext:/,
            snippet: "readOnlyRootFilesystem: not true",
          }),
        })),
    );
    // Compose is a deploy path too: `read_only: true` there provides what the manifests leave out.
    const composed = subject.kind === "repository" ? readOnlyComposeServices(subject.facts) : [];
    if (judged.gaps && composed.length > 0) return pass("Its compose services run with `read_only: true`.", composed);
    if (judged.gaps)
      return fail(
        `Writable root filesystem${acrossPaths(paths)} (${plural(judged.gaps.length, "container")}): ${judged.gaps.map((g) => g.label).join("; ")}.`,
        judged.places,
      );
    return pass(`Every container's root filesystem is read-only${judged.providedBy.path ? ` (${judged.providedBy.path})` : ""}.`);
  },
};

function readOnlyComposeServices(facts: ServiceFacts): RepoEvidence[] {
  return facts.compose.flatMap((file) =>
    file.services
      .filter((s) => s.readOnly === true)
      .map((s) =>
        searchEvidence({
          facts,
          path: file.path,
          pattern: /^\s*read_only:/,
          from: s.line,
          to: s.line + 60,
          fallback: { line: s.line, snippet: `${s.name}: read_only: true` },
        }),
      ),
  );
}
