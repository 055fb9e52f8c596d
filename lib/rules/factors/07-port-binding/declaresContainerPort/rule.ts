import { finalStage, finalStageInstructions } from "@/lib/rules/helpers/dockerfile";
import { matchEvidence, pathEvidence } from "@/lib/rules/helpers/find-line-matches";
import { findPortEnvReads } from "@/lib/rules/helpers/env-reads";
import { findServerStarts } from "@/lib/rules/helpers/http-server";
import { containers, dig, longRunningWorkloads, manifestEvidence, objects } from "@/lib/rules/helpers/manifests";
import { fail, notApplicable, pass } from "@/lib/rules/helpers/results";
import type { RepoEvidence, RepositoryCheck } from "@/lib/rules/types";
import type { ServiceFacts } from "@/lib/facts/types";
import { longRunning, workloadSet } from "@/lib/rules/helpers/workloads";
import { selects } from "@/lib/rules/helpers/cluster";

export const rule: RepositoryCheck = {
  id: "declaresContainerPort",
  version: 3,
  factor: "port-binding",
  title: "The exported port is declared in the image or manifests",
  rationale:
    "A service is exported by binding a port; declaring it (EXPOSE, containerPort, a Service's targetPort, a Procfile " +
    "web process) lets the " +
    "platform, other services and readers know where to reach it without reading the code.",
  judges: "repository",
  effort: "low",
  defaultWeight: 3,
  evaluate(facts) {
    if (findServerStarts(facts).length === 0) return notApplicable("No server start found: nothing to export.");
    const declared = declarations(facts);
    if (declared.length > 0) return pass("The port is declared.", declared);
    const missing = missingDeclarations(facts);
    if (missing.length === 0) return notApplicable("No Dockerfile, manifest or Procfile to declare the port in.");
    // Without a Kubernetes workload to route to it, a server that binds the PORT it is given (Cloud Run, Heroku,
    // App Service) has nothing to declare: the platform chose the port.
    const portRead = longRunningWorkloads(facts).length === 0 ? findPortEnvReads(facts, 1) : [];
    if (portRead.length > 0)
      return pass(
        "The platform gives the port (PORT): nothing to declare.",
        portRead.map((m) => matchEvidence(m)),
      );
    return fail("The service listens but no EXPOSE, containerPort or web process declares the port.", missing);
  },
};

function declarations(facts: ServiceFacts): RepoEvidence[] {
  const found: RepoEvidence[] = [];
  for (const df of facts.dockerfiles) {
    for (const ins of finalStageInstructions(df).filter((i) => i.keyword === "EXPOSE")) {
      found.push(pathEvidence({ facts, path: df.path, line: ins.lineStart, snippet: `EXPOSE ${ins.args}` }));
    }
  }
  for (const m of longRunningWorkloads(facts)) {
    if (containers(m).some((c) => objects(c.ports).some((p) => dig(p, "containerPort") !== undefined))) {
      found.push(manifestEvidence(facts, m, /containerPort/));
    }
  }
  // A Kubernetes Service sending traffic to a numbered port of the pods documents where the process listens.
  const set = workloadSet({ kind: "repository", facts });
  for (const w of longRunning({ kind: "repository", facts })) {
    for (const svc of set.services.filter((x) => selects(x.selector, w.podLabels) && x.targetPorts.some((p) => typeof p === "number"))) {
      const object = facts.manifests.find((m) => m.kind === "Service" && m.name === svc.name);
      if (object) found.push(manifestEvidence(facts, object, /targetPort:\s*\d/));
    }
  }
  for (const procfile of facts.procfiles) {
    const web = procfile.processes.find((p) => p.name === "web");
    if (web) found.push(pathEvidence({ facts, path: procfile.path, line: web.line, snippet: `web: ${web.command}` }));
  }
  for (const compose of facts.compose) {
    for (const s of compose.services.filter((s) => s.build && s.ports.length > 0)) {
      found.push(pathEvidence({ facts, path: compose.path, line: s.line, snippet: `${s.name}: ports ${s.ports.join(", ")}` }));
    }
  }
  return found;
}

/** Where a declaration is missing: the final FROM of each Dockerfile, the containers of each workload. */
function missingDeclarations(facts: ServiceFacts): RepoEvidence[] {
  const found: RepoEvidence[] = [];
  for (const df of facts.dockerfiles) {
    const stage = finalStage(df);
    if (stage) found.push(pathEvidence({ facts, path: df.path, line: stage.line, snippet: `FROM ${stage.image}` }));
  }
  for (const m of longRunningWorkloads(facts)) found.push(manifestEvidence(facts, m, /^\s*containers:/));
  return found;
}
