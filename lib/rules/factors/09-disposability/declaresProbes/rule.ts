import { finalStage, finalStageInstructions } from "@/lib/rules/helpers/dockerfile";
import { pathEvidence } from "@/lib/rules/helpers/find-line-matches";
import { firstHttpEvidence } from "@/lib/rules/helpers/http-server";
import { containers, dig, longRunningWorkloads, manifestEvidence, objectName } from "@/lib/rules/helpers/manifests";
import { escapeRegExp } from "@/lib/rules/helpers/escape-reg-exp";
import { fail, notApplicable, pass } from "@/lib/rules/helpers/results";
import type { RepoEvidence, RepositoryCheck } from "@/lib/rules/types";
import type { ServiceFacts } from "@/lib/facts/types";

export const rule: RepositoryCheck = {
  id: "declaresProbes",
  version: 1,
  factor: "disposability",
  title: "Containers declare readiness and liveness probes",
  rationale:
    "Fast, safe starts and stops need the platform to know when a process can take traffic and when it is stuck. " +
    "Without a readiness probe a rolling deploy sends requests to processes still starting up.",
  judges: "repository",
  effort: "low",
  defaultWeight: 4,
  evaluate(facts) {
    const workloads = longRunningWorkloads(facts);
    if (workloads.length > 0) return judgeWorkloads(facts);
    if (facts.dockerfiles.length === 0) return notApplicable("No Kubernetes workload or Dockerfile.");
    const checks = facts.dockerfiles.flatMap((df) =>
      finalStageInstructions(df)
        .filter((i) => i.keyword === "HEALTHCHECK" && !/^NONE\b/i.test(i.args))
        .map((i) => pathEvidence({ facts, path: df.path, line: i.lineStart, snippet: `HEALTHCHECK ${i.args}` })),
    );
    if (checks.length > 0) return pass("The image declares a HEALTHCHECK.", checks);
    if (!firstHttpEvidence(facts)) return notApplicable("Not an HTTP service and no workload manifest.");
    const evidence = facts.dockerfiles.flatMap((df) => {
      const stage = finalStage(df);
      return stage ? [pathEvidence({ facts, path: df.path, line: stage.line, snippet: `FROM ${stage.image}` })] : [];
    });
    return fail("No workload manifest with probes and no HEALTHCHECK in the image.", evidence);
  },
};

function judgeWorkloads(facts: ServiceFacts) {
  const missing: RepoEvidence[] = [];
  const names: string[] = [];
  for (const m of longRunningWorkloads(facts)) {
    for (const c of containers(m)) {
      const lacks = ["readinessProbe", "livenessProbe"].filter((p) => dig(c, p) === undefined);
      if (lacks.length === 0) continue;
      const name = typeof c.name === "string" ? c.name : "?";
      names.push(`${objectName(m)} container ${name} (no ${lacks.join(", no ")})`);
      missing.push(manifestEvidence(facts, m, new RegExp(String.raw`^\s*-\s*(\{\s*)?name:\s*["']?${escapeRegExp(name)}\b`)));
    }
  }
  if (missing.length > 0) return fail(`Containers without probes: ${names.join("; ")}.`, missing);
  return pass(
    "Every container declares readiness and liveness probes.",
    longRunningWorkloads(facts).map((m) => manifestEvidence(facts, m, /readinessProbe/)),
  );
}
