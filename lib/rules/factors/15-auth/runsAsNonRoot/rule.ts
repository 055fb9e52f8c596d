import { finalStage, inEffect, startInstructions } from "@/lib/rules/helpers/dockerfile";
import { pathEvidence } from "@/lib/rules/helpers/find-line-matches";
import { appContainers, longRunning, workloadEvidence, workloadName } from "@/lib/rules/helpers/workloads";
import { deployPaths, judgeDeployPaths } from "@/lib/rules/helpers/deploy-paths";
import { fail, notApplicable, notAvailable, pass, plural } from "@/lib/rules/helpers/results";
import type { RepoEvidence, WorkloadCheck } from "@/lib/rules/types";
import type { DockerfileFacts, ServiceFacts } from "@/lib/facts/types";

// Images whose default user is unprivileged.
const NONROOT_IMAGE =
  /:nonroot\b|-nonroot\b|^cgr\.dev\/chainguard\/(?!.*-dev\b)|^gcr\.io\/distroless\/[\w.-]+:nonroot|^(docker\.io\/)?(grafana\/(grafana(-oss)?|k6)|prom\/(prometheus|alertmanager|node-exporter)|bitnami\/[\w.-]+|otel\/opentelemetry-collector[\w-]*|jaegertracing\/[\w-]+|nginxinc\/nginx-unprivileged|mcr\.microsoft\.com\/dotnet\/[\w/-]+:[\w.-]*(chiseled|-noble-chiseled)[\w.-]*)(:|@|$)/;
const ROOT_USER = /^(root|0)(:.*)?$/;

export const rule: WorkloadCheck = {
  id: "runsAsNonRoot",
  version: 4,
  factor: "auth",
  title: "Containers run as a non-root user",
  rationale:
    "Least privilege: a compromised process running as root owns the container and is one kernel bug away from " +
    "the node. Set a USER in the image and runAsNonRoot in the pod so the platform enforces it.",
  judges: "workload",
  effort: "low",
  defaultWeight: 6,
  evaluate(subject) {
    const workloads = longRunning(subject);
    const privileged = workloads.flatMap((w) =>
      appContainers(w)
        .filter((c) => c.runsAsRoot)
        .map((c) =>
          workloadEvidence(subject, w, {
            container: c,
            field: "securityContext",
            pattern: /runAsUser:\s*0\b|runAsNonRoot:\s*false|privileged:\s*true/,
            snippet: "runs as root or privileged",
          }),
        ),
    );
    if (privileged.length > 0)
      return fail(`Explicitly runs as root or privileged (${plural(privileged.length, "container")}).`, privileged);
    const paths = deployPaths(workloads);
    const enforced = judgeDeployPaths(paths, (w) =>
      appContainers(w)
        .filter((c) => !c.runAsNonRoot)
        .map((c) => ({
          label: `${workloadName(w)} ${c.name}`,
          evidence: workloadEvidence(subject, w, {
            container: c,
            field: "securityContext",
            snippet: `runAsNonRoot: not set, image ${c.image}`,
          }),
        })),
    );
    if (workloads.length > 0 && enforced.providedBy)
      return pass(
        "Pods enforce a non-root user.",
        subject.kind === "repository"
          ? enforced.providedBy.workloads.map((w) => workloadEvidence(subject, w, { pattern: /runAsNonRoot|runAsUser/ }))
          : [],
      );
    const deployed = workloads.flatMap((w) => appContainers(w).map((c) => c.image));
    if (subject.kind === "cluster") {
      if (workloads.length === 0) return notApplicable("No long-running workload runs it in the cluster.");
      if (deployed.every((image) => NONROOT_IMAGE.test(image)))
        return pass(`Its images run as an unprivileged user by default (${[...new Set(deployed)].join(", ")}).`);
      // What a cluster runs unenforced may run as root: the platform does not stop it (Polaris' runAsRootAllowed).
      return fail(`The pods do not enforce a non-root user: ${enforced.gaps?.map((g) => g.label).join(", ")}.`, enforced.places ?? []);
    }
    const facts = subject.facts;
    if (workloads.length === 0 && facts.dockerfiles.length === 0) return notApplicable("No Dockerfile or workload manifest.");
    const images = facts.dockerfiles.map((df) => judgeImage(facts, df));
    const rootImages = images.filter((i) => !i.nonRoot);
    if (images.length > 0 && rootImages.length === 0)
      return pass(
        "Images switch to a non-root user.",
        images.map((i) => i.evidence),
      );
    if (images.length === 0) {
      if (deployed.length > 0 && deployed.every((image) => NONROOT_IMAGE.test(image)))
        return pass(`Its images run as an unprivileged user by default (${[...new Set(deployed)].join(", ")}).`);
      // The image is built elsewhere: its USER cannot be seen, so its absence here is no finding.
      return notAvailable("The image is built outside this repository and the pods do not set runAsNonRoot: its user cannot be seen here.");
    }
    return fail(
      "The container runs as root: no non-root USER in the image and no runAsNonRoot in the pod.",
      rootImages.map((i) => i.evidence),
    );
  },
};

function judgeImage(facts: ServiceFacts, df: DockerfileFacts): { nonRoot: boolean; evidence: RepoEvidence } {
  const user = inEffect(df, "USER");
  if (user) {
    const evidence = pathEvidence({ facts, path: df.path, line: user.lineStart, snippet: `USER ${user.args}` });
    return { nonRoot: !ROOT_USER.test(user.args.trim()), evidence };
  }
  const stage = finalStage(df);
  const line = stage?.line ?? startInstructions(df)[0]?.lineStart ?? 1;
  const evidence = pathEvidence({ facts, path: df.path, line, snippet: `FROM ${stage?.image ?? ""}` });
  return { nonRoot: stage ? NONROOT_IMAGE.test(stage.image) : false, evidence };
}
