import { finalStageInstructions } from "@/lib/rules/helpers/dockerfile";
import { pathEvidence, searchEvidence } from "@/lib/rules/helpers/find-line-matches";
import { appContainers, longRunning, workloadEvidence, workloadName } from "@/lib/rules/helpers/workloads";
import { acrossPaths, deployPaths, judgeDeployPaths } from "@/lib/rules/helpers/deploy-paths";
import { fail, notApplicable, notAvailable, pass } from "@/lib/rules/helpers/results";
import type { WorkloadCheck } from "@/lib/rules/types";
import type { ServiceFacts } from "@/lib/facts/types";
import { PROBED } from "@/lib/rules/helpers/kinds";

export const rule: WorkloadCheck = {
  id: "declaresProbes",
  version: 4,
  factor: "disposability",
  title: "Containers declare readiness and liveness probes",
  rationale:
    "Fast, safe starts and stops need the platform to know when a process can take traffic and when it is stuck. " +
    "Without a readiness probe a rolling deploy sends requests to processes still starting up.",
  judges: "workload",
  effort: "low",
  defaultWeight: 4,
  kinds: PROBED,
  evaluate(subject) {
    const workloads = longRunning(subject);
    // Kubernetes ignores an image's HEALTHCHECK: where the service is deployed there, only its probes count.
    if (workloads.length > 0) {
      const paths = deployPaths(workloads);
      const judged = judgeDeployPaths(paths, (w) =>
        appContainers(w).flatMap((c) => {
          const lacks = [c.probes.readiness ? null : "readinessProbe", c.probes.liveness ? null : "livenessProbe"].filter(
            (p): p is string => p !== null,
          );
          return lacks.length === 0
            ? []
            : [
                {
                  label: `${workloadName(w)} container ${c.name} (no ${lacks.join(", no ")})`,
                  evidence: workloadEvidence(subject, w, {
                    container: c,
                    snippet: `readinessProbe: ${c.probes.readiness ? "set" : "missing"}, livenessProbe: ${c.probes.liveness ? "set" : "missing"}`,
                  }),
                },
              ];
        }),
      );
      if (judged.providedBy)
        return pass(
          `Every container declares readiness and liveness probes${judged.providedBy.path ? ` (${judged.providedBy.path})` : ""}.`,
          subject.kind === "repository"
            ? judged.providedBy.workloads.map((w) => workloadEvidence(subject, w, { pattern: /readinessProbe/ }))
            : [],
        );
      if (subject.kind === "repository" && composeHealthchecks(subject.facts).length > 0)
        return pass("Its compose services declare a healthcheck.", composeHealthchecks(subject.facts));
      return fail(`Containers without probes${acrossPaths(paths)}: ${judged.gaps.map((g) => g.label).join("; ")}.`, judged.places);
    }
    if (subject.kind === "cluster") return notApplicable("No long-running workload runs it in the cluster.");
    const facts = subject.facts;
    const healthchecks = composeHealthchecks(facts);
    if (healthchecks.length > 0) return pass("Its compose services declare a healthcheck.", healthchecks);
    const checks = facts.dockerfiles.flatMap((df) =>
      finalStageInstructions(df)
        .filter((i) => i.keyword === "HEALTHCHECK" && !/^NONE\b/i.test(i.args))
        .map((i) => pathEvidence({ facts, path: df.path, line: i.lineStart, snippet: `HEALTHCHECK ${i.args}` })),
    );
    if (checks.length > 0) return pass("The image declares a HEALTHCHECK.", checks);
    // Where the repository runs everything with compose, compose is its production deploy: the healthcheck is the probe.
    const composed = facts.compose.flatMap((file) => file.services.map((service) => ({ file, service })));
    const composeOnly = facts.repositoryDeploys?.every((d) => d === "compose") ?? false;
    if (composed.length > 0 && composeOnly)
      return fail(
        `No healthcheck for ${composed.map((c) => `compose service ${c.service.name}`).join(", ")} and no HEALTHCHECK in the image.`,
        composed.map(({ file, service }) => pathEvidence({ facts, path: file.path, line: service.line, snippet: `${service.name}:` })),
      );
    if (facts.dockerfiles.length === 0 && composed.length === 0)
      return notApplicable("No deploy config or Dockerfile: nothing declares how it runs.");
    // A developer's compose stack beside Kubernetes config, or an image deployed from elsewhere: its probes are not here.
    return notAvailable(
      composed.length > 0
        ? "Only the developers' compose stack runs it here; the repository deploys with Kubernetes, and no manifest of it is in the repository."
        : "No deploy config in the repository runs it: its probes, if any, are declared where it is deployed.",
    );
  },
};

/** Where its compose services declare a healthcheck (compose's probe). */
function composeHealthchecks(facts: ServiceFacts) {
  return facts.compose.flatMap((file) =>
    file.services
      .filter((s) => s.healthcheck === true)
      .map((s) =>
        searchEvidence({
          facts,
          path: file.path,
          pattern: /^\s*healthcheck:/,
          from: s.line,
          to: s.line + 60,
          fallback: { line: s.line, snippet: `${s.name}: healthcheck` },
        }),
      ),
  );
}
