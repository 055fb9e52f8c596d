import { finalStage, inEffect, startInstructions } from "@/lib/rules/helpers/dockerfile";
import { pathEvidence } from "@/lib/rules/helpers/find-line-matches";
import { containers, dig, longRunningWorkloads, manifestEvidence, objectName, podSpec } from "@/lib/rules/helpers/manifests";
import { deployPaths, judgeDeployPaths } from "@/lib/rules/helpers/deploy-paths";
import { fail, notApplicable, notAvailable, pass, plural } from "@/lib/rules/helpers/results";
import type { RepoEvidence, RepositoryCheck } from "@/lib/rules/types";
import type { DockerfileFacts, ManifestObject, ServiceFacts } from "@/lib/facts/types";

// Images whose default user is unprivileged.
const NONROOT_IMAGE =
  /:nonroot\b|-nonroot\b|^cgr\.dev\/chainguard\/(?!.*-dev\b)|^gcr\.io\/distroless\/[\w.-]+:nonroot|^(docker\.io\/)?(grafana\/grafana(-oss)?|prom\/(prometheus|alertmanager|node-exporter)|bitnami\/[\w.-]+|otel\/opentelemetry-collector[\w-]*|jaegertracing\/[\w-]+|nginxinc\/nginx-unprivileged|mcr\.microsoft\.com\/dotnet\/[\w/-]+:[\w.-]*(chiseled|-noble-chiseled)[\w.-]*)(:|$)/;
const ROOT_USER = /^(root|0)(:.*)?$/;

export const rule: RepositoryCheck = {
  id: "runsAsNonRoot",
  version: 2,
  factor: "auth",
  title: "Containers run as a non-root user",
  rationale:
    "Least privilege: a compromised process running as root owns the container and is one kernel bug away from " +
    "the node. Set a USER in the image and runAsNonRoot in the pod so the platform enforces it.",
  judges: "repository",
  effort: "low",
  defaultWeight: 6,
  evaluate(facts) {
    const workloads = longRunningWorkloads(facts);
    if (workloads.length === 0 && facts.dockerfiles.length === 0) return notApplicable("No Dockerfile or workload manifest.");
    const privileged = workloads.flatMap((m) => explicitRoot(facts, m));
    if (privileged.length > 0) return fail(`Explicitly runs as root or privileged (${plural(privileged.length, "workload")}).`, privileged);
    const paths = deployPaths(workloads);
    const enforced = judgeDeployPaths(paths, (m) =>
      enforcesNonRoot(m) ? [] : [{ label: objectName(m), evidence: manifestEvidence(facts, m, /^\s*containers:/) }],
    );
    if (workloads.length > 0 && enforced.providedBy) {
      return pass(
        "Pods enforce a non-root user.",
        enforced.providedBy.workloads.map((m) => manifestEvidence(facts, m, /runAsNonRoot|runAsUser/)),
      );
    }
    const images = facts.dockerfiles.map((df) => judgeImage(facts, df));
    const rootImages = images.filter((i) => !i.nonRoot);
    if (images.length > 0 && rootImages.length === 0)
      return pass(
        "Images switch to a non-root user.",
        images.map((i) => i.evidence),
      );
    if (images.length === 0) {
      const deployed = deployedImages(workloads);
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

function enforcesNonRoot(m: ManifestObject): boolean {
  const pod = podSpec(m);
  const podLevel = dig(pod, "securityContext", "runAsNonRoot") === true || positive(dig(pod, "securityContext", "runAsUser"));
  return containers(m).every(
    (c) => podLevel || dig(c, "securityContext", "runAsNonRoot") === true || positive(dig(c, "securityContext", "runAsUser")),
  );
}

function explicitRoot(facts: ServiceFacts, m: ManifestObject): RepoEvidence[] {
  const contexts = [dig(podSpec(m), "securityContext"), ...containers(m).map((c) => dig(c, "securityContext"))];
  const root = contexts.some((s) => dig(s, "runAsUser") === 0 || dig(s, "runAsNonRoot") === false || dig(s, "privileged") === true);
  return root ? [manifestEvidence(facts, m, /runAsUser:\s*0\b|runAsNonRoot:\s*false|privileged:\s*true/)] : [];
}

function positive(value: unknown): boolean {
  return typeof value === "number" && value > 0;
}

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

/** The images a service's workloads run, where the repository builds none (a deploy-only service). */
function deployedImages(workloads: readonly ManifestObject[]): string[] {
  return workloads.flatMap((m) => containers(m).map((c) => (typeof c.image === "string" ? c.image : "")));
}
