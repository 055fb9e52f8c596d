import { composeImageEvidence, resolveComposeValue } from "@/lib/rules/helpers/compose";
import { hasDigest, imageTag, isBuildReference, isMovingTag, isTemplatedImage, skaffoldArtifacts } from "@/lib/rules/helpers/images";
import { allContainers, appWorkloads, containerEvidence, containerName, objectName } from "@/lib/rules/helpers/manifests";
import { fail, notApplicable, pass, plural } from "@/lib/rules/helpers/results";
import type { RepoEvidence, RepositoryCheck } from "@/lib/rules/types";
import type { ServiceFacts } from "@/lib/facts/types";

export const rule: RepositoryCheck = {
  id: "deploysImmutableImageTags",
  version: 2,
  factor: "build-release-run",
  title: "Workloads deploy a versioned release image, not :latest or an untagged one",
  rationale:
    "A release is one build plus one config, identified so it can be rolled back. `:latest` (or no tag, or a channel " +
    "such as `latest-cart` or `main`) resolves to whatever was pushed last: two replicas can run different code and " +
    "a rollback rolls back nothing. Judged in Kubernetes workloads and in compose files that pull the image.",
  judges: "repository",
  effort: "low",
  defaultWeight: 5,
  evaluate(facts) {
    const workloads = appWorkloads(facts);
    const pulled = facts.compose.flatMap((c) => c.services.filter((s) => s.image));
    if (workloads.length === 0 && pulled.length === 0) return notApplicable("No Kubernetes workload or compose image.");
    const moving = [...movingInWorkloads(facts), ...movingInCompose(facts)];
    const places = new Map<string, RepoEvidence>();
    for (const m of moving) places.set(`${m.evidence.path}:${m.evidence.lineStart}`, m.evidence);
    if (moving.length > 0) {
      const names = [...new Set(moving.map((m) => m.label))];
      return fail(`Moving image tags deployed (${plural(names.length, "container")}): ${names.join("; ")}.`, [...places.values()]);
    }
    return pass("Every workload deploys a versioned or digest-pinned image.");
  },
};

interface Moving {
  label: string;
  evidence: RepoEvidence;
}

/** No tag (implicit latest) or a channel tag; digests and versions are releases. */
function isMoving(image: string): boolean {
  if (hasDigest(image) || image.includes("@")) return false;
  const tag = imageTag(image);
  return tag === null || isMovingTag(tag);
}

function movingInWorkloads(facts: ServiceFacts): Moving[] {
  const found: Moving[] = [];
  const artifacts = skaffoldArtifacts(facts);
  for (const m of appWorkloads(facts)) {
    for (const c of allContainers(m)) {
      const image = typeof c.image === "string" ? c.image.trim() : "";
      // Helm/Kustomize fill templated images at render time; nothing to judge here.
      if (image === "" || isTemplatedImage(image) || image.includes("$")) continue;
      // `image: frontend` in a skaffold project is the build's artifact, deployed by the tag skaffold computes.
      if (isBuildReference(image, { names: [facts.service.name, m.name], artifacts })) continue;
      if (!isMoving(image)) continue;
      found.push({ label: `${objectName(m)} ${containerName(c)} (${image})`, evidence: containerEvidence(facts, m, c, /^\s*image:/) });
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
