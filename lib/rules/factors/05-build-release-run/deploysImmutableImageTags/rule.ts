import { composeImageEvidence, resolveComposeValue } from "@/lib/rules/helpers/compose";
import { hasDigest, imageTag, isBuildReference, isMovingTag, isTemplatedImage, skaffoldArtifacts } from "@/lib/rules/helpers/images";
import { appWorkloads, workloadEvidence, workloadName } from "@/lib/rules/helpers/workloads";
import { fail, notApplicable, pass, plural } from "@/lib/rules/helpers/results";
import type { CheckSubject, Evidence, WorkloadCheck } from "@/lib/rules/types";
import type { ServiceFacts } from "@/lib/facts/types";

export const rule: WorkloadCheck = {
  id: "deploysImmutableImageTags",
  version: 3,
  factor: "build-release-run",
  title: "Workloads deploy a versioned release image, not :latest or an untagged one",
  rationale:
    "A release is one build plus one config, identified so it can be rolled back. `:latest` (or no tag, or a channel " +
    "such as `latest-cart` or `main`) resolves to whatever was pushed last: two replicas can run different code and " +
    "a rollback rolls back nothing. Judged in Kubernetes workloads, in compose files that pull the image, and in what a cluster runs.",
  judges: "workload",
  effort: "low",
  defaultWeight: 5,
  evaluate(subject) {
    const workloads = appWorkloads(subject);
    const facts = subject.kind === "repository" ? subject.facts : null;
    const pulled = facts?.compose.flatMap((c) => c.services.filter((s) => s.image)) ?? [];
    if (workloads.length === 0 && pulled.length === 0) return notApplicable("No Kubernetes workload or compose image.");
    const moving = [...movingInWorkloads(subject), ...(facts ? movingInCompose(facts) : [])];
    const places = new Map<string, Evidence>();
    for (const { evidence: e } of moving)
      places.set(e.type === "repo" ? `${e.path}:${e.lineStart}` : `${e.namespace}/${e.kind}/${e.name}/${e.jsonPath}`, e);
    if (moving.length > 0) {
      const names = [...new Set(moving.map((m) => m.label))];
      return fail(`Moving image tags deployed (${plural(names.length, "container")}): ${names.join("; ")}.`, [...places.values()]);
    }
    return pass("Every workload deploys a versioned or digest-pinned image.");
  },
};

interface Moving {
  label: string;
  evidence: Evidence;
}

/** No tag (implicit latest) or a channel tag; digests and versions are releases. */
function isMoving(image: string): boolean {
  if (hasDigest(image) || image.includes("@")) return false;
  const tag = imageTag(image);
  return tag === null || isMovingTag(tag);
}

function movingInWorkloads(subject: CheckSubject): Moving[] {
  const found: Moving[] = [];
  const artifacts = subject.kind === "repository" ? skaffoldArtifacts(subject.facts) : new Set<string>();
  for (const w of appWorkloads(subject)) {
    for (const c of w.containers) {
      const image = c.image.trim();
      // Helm/Kustomize fill templated images at render time; nothing to judge here.
      if (image === "" || isTemplatedImage(image) || image.includes("$")) continue;
      // `image: frontend` in a skaffold project is the build's artifact, deployed by the tag skaffold computes.
      if (subject.kind === "repository" && isBuildReference(image, { names: [subject.facts.service.name, w.name], artifacts })) continue;
      if (!isMoving(image)) continue;
      found.push({
        label: `${workloadName(w)} ${c.name} (${image})`,
        evidence: workloadEvidence(subject, w, { container: c, field: "image", pattern: /^\s*image:/, snippet: image }),
      });
    }
  }
  return found;
}

/**
 * Compose services that name an image: `docker compose up` pulls it (a `build:` beside it only runs when the
 * image is missing or with --build), so an untagged or `latest-*` image there deploys whatever was pushed last.
 */
function movingInCompose(facts: ServiceFacts): Moving[] {
  const found: Moving[] = [];
  for (const compose of facts.compose) {
    for (const s of compose.services) {
      // `${IMAGE_NAME}:${VERSION}-cart` with VERSION=latest in the compose file's .env is `latest-cart`.
      const image = resolveComposeValue(facts, compose, s.image?.trim() ?? "") ?? "";
      if (image === "" || !isMoving(image)) continue;
      found.push({ label: `compose service ${s.name} (${image})`, evidence: composeImageEvidence(facts, compose, s) });
    }
  }
  return found;
}
